package io.lossreview.contracts.defection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.Contact;
import io.lossreview.contracts.IsoString;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Data of {@code loss.defection-changed} on {@code loss.defections}, keyed by customerId. Every event carries the
 * full current state; consumers keep the highest {@code revision} per defectionId and ignore older ones.
 *
 * @param lossMonth month the loss counts in (from lossDate)
 * @param lossDate  date of the loss in the business time zone
 * @param occurredAt when this change happened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DefectionChanged(
        String defectionId,
        String customerId,
        int revision,
        DefectionChange change,
        DefectionStatus status,
        @IsoString YearMonth lossMonth,
        @IsoString LocalDate lossDate,
        @IsoString Instant cancelledAt,
        @IsoString Instant effectiveAt,
        @IsoString Instant churnedAt,
        boolean voluntary,
        int seats,
        List<CancelledSubscription> subscriptions,
        DefectionValue value,
        CustomerProfile customer,
        StatedReason reason,
        Integer lastNps,
        Contact contact,
        boolean doNotContact,
        @IsoString Instant wonBackAt,
        List<EventOrigin> sources,
        @IsoString Instant occurredAt) {

    /** The newest revision of each defection among these events, by defection id. */
    public static java.util.Map<String, DefectionChanged> newestByDefection(java.util.Collection<DefectionChanged> events) {
        java.util.Map<String, DefectionChanged> newest = new java.util.HashMap<>();
        events.forEach(e -> newest.merge(e.defectionId(), e, (a, b) -> a.revision() >= b.revision() ? a : b));
        return newest;
    }
}
