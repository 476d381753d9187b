package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** A month's losses by one dimension (segment, region, plan, tenure, voluntary), largest ARR first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Breakdown(YearMonth month, String by, List<Bucket> buckets) {

    /**
     * One bucket with its causes, largest ARR first.
     *
     * @param customersAtStart the base's customers in this bucket at the month's start (segment, region and plan
     *                         only; null where the base does not know the bucket)
     * @param shareOfBase      customers lost / customersAtStart, the bucket's own churn rate
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String bucket, int customers, int seats, BigDecimal mrrLost, BigDecimal arrLost,
                         BigDecimal lifetimeValueLost, int unvalued, int wonBack, BigDecimal shareOfValue,
                         BigDecimal shareOfVolume, List<CauseFigure> causes, Integer customersAtStart,
                         BigDecimal shareOfBase) {
    }

    /** A cause within a bucket. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CauseFigure(String cause, int customers, BigDecimal arrLost) {
    }
}
