package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.YearMonth;

/**
 * A customer found by {@code GET /customers?q=}: by customer id (exact, then prefix) or account name (prefix, then
 * substring), case-insensitive. Name and segment are the newest defection's.
 *
 * @param latestLossMonth the loss month of their newest defection
 * @param defections      how many defections the analyzer knows of them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerMatch(String customerId, String accountName, String segment, YearMonth latestLossMonth,
                            int defections) {
}
