package io.lossreview.simulator;

import java.util.Arrays;

/**
 * The true reason a customer left, as the simulator decided it. Texts and codes in the events only hint at it.
 */
public enum Cause {
    PRICE("too_expensive", "PRICE"),
    MISSING_FEATURES("missing_features", "PRODUCT"),
    PRODUCT_QUALITY("low_quality", "PRODUCT"),
    SUPPORT("customer_service", "SERVICE"),
    EASE_OF_USE("too_complex", "PRODUCT"),
    COMPETITOR("switched_service", "COMPETITOR"),
    NO_LONGER_NEEDED("unused", "NO_NEED"),
    INVOLUNTARY("payment_failed", "PAYMENT"),
    OTHER("other", "OTHER");

    /** Stripe cancellation-feedback value (payment_failed is the dunning outcome, not a feedback value). */
    final String billingCode;
    /** CRM pick-list value: coarser than the true cause, as account managers pick from a short list. */
    final String crmCode;

    Cause(String billingCode, String crmCode) {
        this.billingCode = billingCode;
        this.crmCode = crmCode;
    }

    /** Whether this CRM pick-list value names this cause: it is this cause's and no other's. */
    boolean crmCodeNamesIt(String code) {
        return crmCode.equals(code) && Arrays.stream(values()).filter(c -> c.crmCode.equals(code)).count() == 1;
    }

    /** The cause whose feedback value this is, or null (no code, or a dunning code). */
    static Cause ofBillingCode(String code) {
        for (Cause c : values()) {
            if (c != INVOLUNTARY && c.billingCode.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
