package io.lossreview.simulator;

import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionReactivated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
}
