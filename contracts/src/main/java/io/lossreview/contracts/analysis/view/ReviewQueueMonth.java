package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.YearMonth;

/**
 * A month of the review queue ({@code GET /review-queue/months}, newest first).
 *
 * @param items        defections of the month waiting for a person
 * @param withoutWords of those, the ones with no stated-reason text (no comment, no stated reason): nothing to judge
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewQueueMonth(YearMonth month, int items, int withoutWords) {
}
