package io.lossreview.scheduler.analyzer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads from defection-analyzer with a timeout per call, retries (reads are idempotent) and a
 * circuit breaker: when the analyzer is down a packet build fails fast and clearly, never half-empty.
 */
@ApplicationScoped
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 500)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10_000)
public class AnalyzerGateway {

    private final AnalyzerApi api;

    public AnalyzerGateway(@RestClient AnalyzerApi api) {
        this.api = api;
    }

    public AnalyzerViews.Summary summary(YearMonth month) {
        return api.summary(month.toString());
    }

    public AnalyzerViews.Ranking causes(YearMonth month) {
        return api.causes(month.toString(), "arr");
    }

    public AnalyzerViews.Breakdown breakdown(YearMonth month, String by) {
        return api.breakdown(month.toString(), by);
    }

    public AnalyzerViews.Trend trend(YearMonth from, YearMonth to) {
        return api.trend(from.toString(), to.toString());
    }

    public AnalyzerViews.DefectionPage largest(YearMonth month, String cause, int size) {
        return api.defections(month.toString(), cause, 0, size);
    }

    public List<AnalyzerViews.DefectionCause> causesOfDefections(YearMonth month) {
        return api.defectionCauses(month.toString());
    }
}
