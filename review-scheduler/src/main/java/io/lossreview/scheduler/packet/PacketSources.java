package io.lossreview.scheduler.packet;

import io.lossreview.common.error.DependencyUnavailable;
import io.lossreview.contracts.analysis.view.PacketInputs;
import io.lossreview.scheduler.analyzer.AnalyzerGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;

/** Reads what the packet needs from defection-analyzer, in one call, before any transaction starts. */
@ApplicationScoped
public class PacketSources {

    private final AnalyzerGateway analyzer;

    public PacketSources(AnalyzerGateway analyzer) {
        this.analyzer = analyzer;
    }

    /** @throws DependencyUnavailable when the analyzer cannot be read: nothing is built from half the data */
    public PacketInputs gather(YearMonth month, YearMonth trendFrom) {
        try {
            return analyzer.packetInputs(month, trendFrom);
        } catch (RuntimeException e) {
            throw new DependencyUnavailable("The packet for " + month + " was not built: defection-analyzer did not "
                    + "answer (" + e.getClass().getSimpleName() + "). Nothing was stored; try again.", e);
        }
    }
}
