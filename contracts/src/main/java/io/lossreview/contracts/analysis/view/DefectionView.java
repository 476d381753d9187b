package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.StatedReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A defection as ops read it: the figures, the verbatim stated reason, the cause with its evidence
 * and who decided it. {@code defection} (the full event, contact included) is set on the detail view only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DefectionView(UUID id, String customerId, String accountName, YearMonth lossMonth, boolean wonBack,
                            boolean voluntary, String segment, String region, String plan, String tenureBand,
                            int seats, BigDecimal mrrLost, BigDecimal arrLost, BigDecimal lifetimeValueLost,
                            boolean valuePending, StatedReason statedReason, String cause, String secondaryCause,
                            double confidence, CauseSource causeSource, int taxonomyVersion, boolean needsReview,
                            List<Evidence> evidence, String decidedBy, Instant decidedAt, DefectionChanged defection) {
}
