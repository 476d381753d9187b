package io.lossreview.contracts.analysis.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;

/**
 * Recorded answers of defection-analyzer (packet inputs, taxonomy versions), the contract between it and review-scheduler: the
 * scheduler's tests are served exactly these bytes, and the analyzer's contract test
 * (PacketInputsContractTest) checks that the real analyzer, given the dataset described there,
 * answers exactly these bytes' JSON. A change on either side that breaks the other fails a test.
 */
public final class AnalyzerExamples {

    /** One recorded {@code GET /months/{month}/packet-inputs?trendFrom=} request. */
    public record PacketInputsRequest(YearMonth month, YearMonth trendFrom) {

        public String path() {
            return "/months/" + month + "/packet-inputs?trendFrom=" + trendFrom;
        }

        /** Where the recorded answer lives, on the classpath and under contracts/src/main/resources. */
        public String resource() {
            return "contract-examples/packet-inputs/" + month + "_from_" + trendFrom + ".json";
        }
    }

    /**
     * The recorded requests: the packets the scheduler's tests build. A build reads the trend from its
     * oldest action's month when that is earlier than 11 months back, so which actions other tests
     * left behind decides the trendFrom; both variants are recorded.
     */
    public static final List<PacketInputsRequest> PACKET_INPUTS = List.of(
            new PacketInputsRequest(YearMonth.of(2026, 1), YearMonth.of(2024, 11)),
            new PacketInputsRequest(YearMonth.of(2026, 2), YearMonth.of(2025, 3)),
            new PacketInputsRequest(YearMonth.of(2026, 2), YearMonth.of(2024, 11)),
            new PacketInputsRequest(YearMonth.of(2026, 4), YearMonth.of(2025, 5)),
            new PacketInputsRequest(YearMonth.of(2026, 4), YearMonth.of(2024, 11)));

    /** The recorded {@code GET /taxonomy/versions}: the shipped taxonomy, the only version of a new database. */
    public static final String TAXONOMY_VERSIONS_PATH = "/taxonomy/versions";
    public static final String TAXONOMY_VERSIONS_RESOURCE = "contract-examples/taxonomy-versions.json";

    private AnalyzerExamples() {
    }

    /** The recorded answer's bytes, or null when this request was not recorded. */
    public static byte[] answer(YearMonth month, YearMonth trendFrom) {
        PacketInputsRequest request = new PacketInputsRequest(month, trendFrom);
        return PACKET_INPUTS.contains(request) ? read(request.resource()) : null;
    }

    /** The recorded answer to {@link #TAXONOMY_VERSIONS_PATH}. */
    public static byte[] taxonomyVersions() {
        return read(TAXONOMY_VERSIONS_RESOURCE);
    }

    private static byte[] read(String resource) {
        try (InputStream in = AnalyzerExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the contracts module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
