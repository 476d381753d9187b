package io.lossreview.contracts.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;

import java.time.Instant;

/**
 * Data of {@code loss.call-completed} on {@code loss.review}, keyed by customerId.
 *
 * @param learnedCause  cause code the executive heard, null when nothing new was learned
 * @param winBackChance null when the customer was not reached
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallCompleted(
        String assignmentId,
        String defectionId,
        String customerId,
        String executiveId,
        CallOutcome outcome,
        String learnedCause,
        WinBackChance winBackChance,
        @IsoString Instant completedAt,
        String completedBy) {
}
