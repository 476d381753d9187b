package io.lossreview.contracts.rejection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;
import io.lossreview.contracts.Violation;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Data of {@code loss.event-rejected} on {@code loss.rejected}: an event a service refused or could
 * not process (its dead letter). eventId/eventSource/eventType/customerId are null when the payload
 * could not be read that far. The service keeps the exact bytes, key and headers; this announcement
 * carries a cut of the payload.
 *
 * @param consumer        which service's consumer refused it (absent on older events: churn-ingest)
 * @param payload         the payload, cut to {@link #MAX_PAYLOAD_CHARS}: its text when it is valid
 *                        UTF-8, else its bytes in Base64; absent for a tombstone (no value at all)
 * @param payloadEncoding {@code base64} when payload holds Base64; absent means UTF-8 text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventRejected(
        String rejectionId,
        @IsoString Instant receivedAt,
        String consumer,
        RejectionOrigin origin,
        String eventId,
        String eventSource,
        String eventType,
        String customerId,
        List<Violation> violations,
        String payload,
        String payloadEncoding) {

    /** Same limit as the schema's maxLength on payload. */
    public static final int MAX_PAYLOAD_CHARS = 65536;
    public static final String BASE64 = "base64";

    /** The payload as announced: UTF-8 text if decoded is non-null, else Base64 of the bytes; both cut. */
    public static String announced(byte[] bytes, String decoded) {
        if (bytes == null) {
            return null;
        }
        if (decoded != null) {
            return truncate(decoded);
        }
        int keep = Math.min(bytes.length, MAX_PAYLOAD_CHARS / 4 * 3);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, keep));
    }

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
