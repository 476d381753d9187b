package io.lossreview.contracts.rejection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;
import io.lossreview.contracts.Violation;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code loss.event-rejected} on {@code loss.rejected}: an inbound event churn-ingest refused.
 * eventId/eventSource/eventType/customerId are null when the payload could not be read that far.
 *
 * @param payload the raw payload text, cut to {@link #MAX_PAYLOAD_CHARS} by {@link #truncate(String)}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventRejected(
        String rejectionId,
        @IsoString Instant receivedAt,
        RejectionOrigin origin,
        String eventId,
        String eventSource,
        String eventType,
        String customerId,
        List<Violation> violations,
        String payload) {

    /** Same limit as the schema's maxLength on payload. */
    public static final int MAX_PAYLOAD_CHARS = 65536;

    public static String truncate(String payload) {
        if (payload == null || payload.length() <= MAX_PAYLOAD_CHARS) {
            return payload;
        }
        int end = MAX_PAYLOAD_CHARS;
        if (Character.isHighSurrogate(payload.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return payload.substring(0, end);
    }
}
