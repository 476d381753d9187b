package io.lossreview.scheduler.analyzer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lossreview.contracts.defection.StatedReason;
import io.lossreview.scheduler.packet.model.Change;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The parts of defection-analyzer's views the packet reads (the analyzer may send more). */
public final class AnalyzerViews {

    private AnalyzerViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(YearMonth month, Integer taxonomyVersion, int customers, int seats, BigDecimal mrrLost,
                          BigDecimal arrLost, BigDecimal lifetimeValueLost, int unvalued, int wonBack,
                          BigDecimal wonBackArr, Split voluntary, Split involuntary, Change vsPriorMonth,
                          Change vsTrailing3Months, List<Emerging> emergingCauses) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Split(int customers, BigDecimal arrLost) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Emerging(String cause, int count, BigDecimal baseline, double pValue, String explanation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ranking(YearMonth month, int taxonomyVersion, List<RankedCause> causes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RankedCause(int rank, String cause, String label, int customers, BigDecimal arrLost,
                              BigDecimal shareOfValue, BigDecimal shareOfVolume, BigDecimal cumulativeShare,
                              Change vsPriorMonth) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Breakdown(List<Bucket> buckets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String bucket, int customers, BigDecimal arrLost, BigDecimal shareOfValue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trend(List<Series> causes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Series(String cause, List<Point> months) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Point(YearMonth month, int customers, BigDecimal arrLost) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DefectionPage(List<Defection> items, long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Defection(UUID id, String customerId, String accountName, String segment, String region,
                            BigDecimal arrLost, String cause, double confidence, boolean needsReview,
                            StatedReason statedReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DefectionCause(UUID id, String cause, String causeSource, double confidence) {
    }
}
