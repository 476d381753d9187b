package io.lossreview.simulator;

import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionReactivated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One customer's loss: exactly the data records the sources send, the true cause, and when each record goes out.
 *
 * @param cancellations billing records, empty for a CRM-only loss
 * @param churned       the CRM record, or null for a billing-only loss
 * @param reactivation  the billing reactivation, or null
 * @param since         the day the customer's subscriptions began
 */
record Episode(Profile profile, Cause cause, List<SubscriptionCancelled> cancellations, AccountChurned churned,
               SubscriptionReactivated reactivation, List<Outgoing> outgoing, LocalDate since) {

    /**
     * A record to publish.
     *
     * @param time      the CloudEvent time: the business time of the data
     * @param publishAt when the source system sends it; only orders the stream, never written anywhere
     */
    record Outgoing(String topic, String source, Instant time, Instant publishAt, Object data) {
    }

    /**
     * The cause the records state, which is what the review counts ("why they say they left"): the true cause when a
     * record hints at it (a stated reason or the primary subscription's comment, both written from the true cause, a
     * code of that cause and no other (the CRM's PRODUCT could be any of three), a competitor named, a failed payment); otherwise the cause of a feedback code a record gives
     * (Stripe's customers pick one at random now and then) or else OTHER. A customer who gave no reason cannot be
     * counted under the true one by any honest classifier: OTHER is the right answer there.
     */
    Cause statedCause() {
        if (cause == Cause.INVOLUNTARY || cause == Cause.OTHER) {
            return cause;
        }
        boolean hinted = churned != null && (churned.statedReason() != null || cause.crmCodeNamesIt(churned.reasonCode())
                || churned.competitor() != null)
                || !cancellations.isEmpty() && cancellations.get(0).comment() != null
                || cancellations.stream().anyMatch(s -> cause.billingCode.equals(s.reasonCode()));
        if (hinted) {
            return cause;
        }
        return cancellations.stream().map(s -> Cause.ofBillingCode(s.reasonCode())).filter(Objects::nonNull)
                .findFirst().orElse(Cause.OTHER);
    }
}
