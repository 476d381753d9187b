package io.lossreview.simulator;

import io.lossreview.contracts.Contact;
import io.lossreview.contracts.Money;
import io.lossreview.contracts.Segment;
import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The truth the cause ranking is checked against is what the records state, not what only the simulator knows. */
class StatedCauseTest {

    @Test
    void aHintOfTheTrueCauseKeepsIt() {
        assertEquals(Cause.PRICE, billingOnly(Cause.PRICE, "too_expensive", null).statedCause());
        assertEquals(Cause.PRICE, billingOnly(Cause.PRICE, null, "the renewal quote made our CFO laugh").statedCause());
        assertEquals(Cause.SUPPORT, crmOnly(Cause.SUPPORT, "Nobody answered our tickets for weeks", null, null).statedCause());
        assertEquals(Cause.SUPPORT, crmOnly(Cause.SUPPORT, null, "SERVICE", null).statedCause());
        assertEquals(Cause.COMPETITOR, crmOnly(Cause.COMPETITOR, null, null, "Nimbly").statedCause());
    }

    @Test
    void noHintAtAllIsOther() {
        assertEquals(Cause.OTHER, billingOnly(Cause.PRICE, null, null).statedCause());
        assertEquals(Cause.OTHER, billingOnly(Cause.SUPPORT, "other", null).statedCause());
        assertEquals(Cause.OTHER, crmOnly(Cause.EASE_OF_USE, null, "OTHER", null).statedCause());
        assertEquals(Cause.OTHER, crmOnly(Cause.EASE_OF_USE, null, null, null).statedCause());
    }

    @Test
    void aCrmCodeSharedByCausesNamesNoneOfThem() {
        assertEquals(Cause.OTHER, crmOnly(Cause.EASE_OF_USE, null, "PRODUCT", null).statedCause());
        assertEquals(Cause.OTHER, crmOnly(Cause.MISSING_FEATURES, null, "PRODUCT", null).statedCause());
        assertEquals(Cause.PRICE, crmOnly(Cause.PRICE, null, "PRICE", null).statedCause());
    }

    @Test
    void aFeedbackCodeOfAnotherCauseIsWhatTheCustomerStated() {
        assertEquals(Cause.NO_LONGER_NEEDED, billingOnly(Cause.PRICE, "unused", null).statedCause());
    }

    @Test
    void failedPaymentsAndOtherStayAsTheyAre() {
        assertEquals(Cause.INVOLUNTARY, billingOnly(Cause.INVOLUNTARY, null, null).statedCause());
        assertEquals(Cause.OTHER, billingOnly(Cause.OTHER, "too_expensive", null).statedCause());
    }

    private static Episode billingOnly(Cause cause, String code, String comment) {
        SubscriptionCancelled sub = new SubscriptionCancelled("cus_1", "sub_1", null, 1, Money.of("10.00", "USD"),
                Instant.parse("2025-03-01T00:00:00Z"), null, cause != Cause.INVOLUNTARY, code, comment, null, null);
        return new Episode(profile(), cause, List.of(sub), null, null, List.of(), LocalDate.of(2023, 1, 1));
    }

    private static Episode crmOnly(Cause cause, String reason, String code, String competitor) {
        AccountChurned churned = new AccountChurned("cus_1", "Test Co", Segment.SMB, "NA", null, null, null,
                Instant.parse("2025-03-01T00:00:00Z"), reason, code, competitor, null, null, null);
        return new Episode(profile(), cause, List.of(), churned, null, List.of(), LocalDate.of(2023, 1, 1));
    }

    private static Profile profile() {
        return new Profile("cus_1", Segment.SMB, "NA", "Retail", "USD", "Test Co", "Priya Raman",
                new Contact("A B", null, null, null), false, null, true, 12, "Nimbly");
    }
}
