package io.lossreview.analyzer.analysis;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.defection.DefectionQueries;
import io.lossreview.analyzer.defection.Dimension;
import io.lossreview.analyzer.defection.Snapshots;
import io.lossreview.contracts.analysis.view.CauseRanking;
import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.contracts.analysis.view.PacketInputs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a month's packet needs, read from one snapshot: a read-only REPEATABLE READ
 * transaction, so a defection committed while the packet is read is either in every section or in none.
 */
@ApplicationScoped
public class PacketInputsReader {

    private final MonthAnalysis analysis;
    private final DefectionQueries defections;
    private final AgroalDataSource dataSource;

    public PacketInputsReader(MonthAnalysis analysis, DefectionQueries defections, AgroalDataSource dataSource) {
        this.analysis = analysis;
        this.defections = defections;
        this.dataSource = dataSource;
    }

    /** Inside the transaction, Agroal hands every query the same connection: the one snapshot set here. */
    @Transactional
    public PacketInputs read(YearMonth month, YearMonth trendFrom) {
        Snapshots.repeatableRead(dataSource);
        CauseRanking causes = analysis.causes(month, RankBy.ARR);
        List<String> top = causes.top(PacketInputs.TOP_CAUSES);
        Map<String, List<DefectionView>> byCause = new LinkedHashMap<>();
        for (String cause : top) {
            byCause.put(cause, defections.largest(month, cause, PacketInputs.STORY_CANDIDATES));
        }
        return new PacketInputs(month, trendFrom, analysis.summary(month), causes,
                analysis.trend(trendFrom, month, Optional.empty()), analysis.breakdown(month, Dimension.SEGMENT),
                analysis.breakdown(month, Dimension.REGION), defections.largest(month, null, PacketInputs.NOTABLE_LOSSES), top, byCause,
                defections.causesOf(month));
    }
}
