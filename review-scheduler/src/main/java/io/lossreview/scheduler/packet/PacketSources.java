package io.lossreview.scheduler.packet;

import io.lossreview.common.problem.ProblemException;
import io.lossreview.common.problem.ProblemType;
import io.lossreview.scheduler.analyzer.AnalyzerGateway;
import io.lossreview.scheduler.analyzer.AnalyzerViews;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads everything the packet needs from defection-analyzer, before any transaction starts. */
@ApplicationScoped
public class PacketSources {

    /** Story candidates read per top cause (largest ARR first). */
    static final int STORY_CANDIDATES = 25;

    /** The analyzer's side of a packet. */
    public record Gathered(YearMonth month, AnalyzerViews.Summary summary, AnalyzerViews.Ranking causes,
                           AnalyzerViews.Trend trend, AnalyzerViews.Breakdown bySegment, AnalyzerViews.Breakdown byRegion,
                           AnalyzerViews.DefectionPage largest, Map<String, AnalyzerViews.DefectionPage> byTopCause,
                           Map<UUID, String> defectionCauses) {
    }

    private final AnalyzerGateway analyzer;

    public PacketSources(AnalyzerGateway analyzer) {
        this.analyzer = analyzer;
    }

    /** @throws ProblemException 503 when the analyzer cannot be read: nothing is built from half the data */
    public Gathered gather(YearMonth month, YearMonth trendFrom) {
        try {
            return read(month, trendFrom);
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "The packet for " + month + " was not built: "
                    + "defection-analyzer did not answer (" + e.getClass().getSimpleName() + "). Nothing was stored; try again.");
        }
    }

    private Gathered read(YearMonth month, YearMonth trendFrom) {
        AnalyzerViews.Ranking causes = analyzer.causes(month);
        Map<String, AnalyzerViews.DefectionPage> byCause = new LinkedHashMap<>();
        for (String cause : PacketAssembler.topCauses(causes)) {
            byCause.put(cause, analyzer.largest(month, cause, STORY_CANDIDATES));
        }
        List<AnalyzerViews.DefectionCause> all = analyzer.causesOfDefections(month);
        return new Gathered(month, analyzer.summary(month), causes, analyzer.trend(trendFrom, month),
                analyzer.breakdown(month, "segment"), analyzer.breakdown(month, "region"),
                analyzer.largest(month, null, PacketAssembler.NOTABLE_LOSSES), byCause,
                all.stream().collect(Collectors.toMap(AnalyzerViews.DefectionCause::id, AnalyzerViews.DefectionCause::cause)));
    }
}
