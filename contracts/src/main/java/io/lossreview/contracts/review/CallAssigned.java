package io.lossreview.contracts.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Data of {@code loss.call-assigned} on {@code loss.review}, keyed by customerId: an executive should call the lost
 * customer.
 *
 * @param why why this customer was picked, shown to the executive
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallAssigned(
        String assignmentId,
        @IsoString YearMonth month,
        String defectionId,
        String customerId,
        String executiveId,
        String why,
        @IsoString LocalDate dueDate,
        @IsoString Instant assignedAt) {
}
