package io.lossreview.contracts.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;

import java.time.Instant;
import java.time.LocalDate;

/** Data of {@code loss.action-changed} on {@code loss.review}, keyed by actionId: a remediation action against a cause. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionChanged(
        String actionId,
        String cause,
        String description,
        String owner,
        @IsoString LocalDate dueDate,
        ActionStatus status,
        @IsoString Instant changedAt,
        String changedBy) {
}
