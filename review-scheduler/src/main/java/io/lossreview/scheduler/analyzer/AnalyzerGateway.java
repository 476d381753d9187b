package io.lossreview.scheduler.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.analysis.view.PacketInputs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads from defection-analyzer with a timeout, retries (the read is idempotent) and a circuit
 * breaker: when the analyzer is down a packet build fails fast and clearly, never half-empty.
 */
@ApplicationScoped
public class AnalyzerGateway {

    private final AnalyzerApi api;

    public AnalyzerGateway(@RestClient AnalyzerApi api) {
        this.api = api;
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
    public PacketInputs packetInputs(YearMonth month, YearMonth trendFrom) {
        return api.packetInputs(month.toString(), trendFrom.toString());
    }

    /** The code of every cause of every taxonomy version, current and older. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
    public Set<String> causeCodes() {
        Set<String> codes = new TreeSet<>();
        for (JsonNode version : api.taxonomyVersions()) {
            for (JsonNode cause : version.path("taxonomy").path("causes")) {
                codes.add(cause.path("code").asText());
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("defection-analyzer answered a taxonomy without causes");
        }
        return codes;
    }
}
