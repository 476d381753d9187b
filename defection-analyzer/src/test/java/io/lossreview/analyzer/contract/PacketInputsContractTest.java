package io.lossreview.analyzer.contract;

import static io.lossreview.analyzer.support.DefectionBuilder.defectionOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.Segment;
import io.lossreview.contracts.analysis.view.AnalyzerExamples;
import io.lossreview.contracts.analysis.view.AnalyzerExamples.PacketInputsRequest;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The provider side of the contract with review-scheduler: given the dataset below (the "provider
 * state"), the analyzer must answer each recorded packet-inputs request exactly as
 * {@link AnalyzerExamples} recorded it, because those recordings are what the scheduler's tests are
 * fed. If an answer changes on purpose, re-record with {@code -Dcontract.examples.record=true}
 * (writes into contracts/src/main/resources) and let the scheduler's tests judge the new answers.
 *
 * <p>Its own database: no other test's defections may add to these months.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_contract_test"))
class PacketInputsContractTest {

    static final List<PacketInputsRequest> REQUESTS = AnalyzerExamples.PACKET_INPUTS;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path RECORDINGS = Path.of("..", "contracts", "src", "main", "resources");

    /** Customers lost per cause and month: billing reason code, customers, MRR each (3 seats, MID_MARKET, EMEA). */
    private record Losses(String month, String code, int customers, String mrrEach) {
    }

    static final List<Losses> DATASET = List.of(
            new Losses("2024-11", "too_expensive", 6, "400.00"),
            new Losses("2025-07", "customer_service", 9, "200.00"),
            new Losses("2025-11", "too_expensive", 6, "400.00"),
            new Losses("2025-11", "customer_service", 3, "200.00"),
            new Losses("2025-12", "too_expensive", 7, "400.00"),
            new Losses("2025-12", "customer_service", 4, "200.00"),
            new Losses("2026-01", "too_expensive", 8, "400.00"),
            new Losses("2026-01", "customer_service", 5, "200.00"),
            new Losses("2026-02", "too_expensive", 10, "400.00"),
            new Losses("2026-02", "switched_service", 5, "500.00"),
            new Losses("2026-02", "customer_service", 4, "200.00"),
            new Losses("2026-02", null, 2, "200.00"), // involuntary: a failed payment
            new Losses("2026-04", "too_expensive", 2, "400.00"));

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    AnalyzerClient analyzer;

    @BeforeAll
    void publishTheDataset() {
        analyzer = new AnalyzerClient(prefix, dataSource);
        List<DefectionBuilder> all = new ArrayList<>();
        for (Losses l : DATASET) {
            String cause = l.code() == null ? "involuntary" : l.code();
            for (int i = 1; i <= l.customers(); i++) {
                all.add(lost("cus_" + cause + "_" + l.month() + "_" + i, l.month(), l.code(), l.mrrEach()));
            }
        }
        // One customer came back in February: a win-back, not a loss.
        all.add(lost("cus_won_back_2026-02", "2026-02", "too_expensive", "100.00").wonBack(true));
        analyzer.publish(all.toArray(DefectionBuilder[]::new));
    }

    private static DefectionBuilder lost(String customer, String month, String code, String mrr) {
        BigDecimal arr = new BigDecimal(mrr).multiply(BigDecimal.valueOf(12));
        String words = code == null ? null : "We cancelled: " + code.replace('_', ' ').toLowerCase(Locale.ROOT)
                + ", and we told the account team so.";
        return defectionOf(customer, month).reason(code, null, null, words, null).mrr(mrr).seats(3)
                .lifetimeValue(arr.multiply(BigDecimal.valueOf(2)).toPlainString()).segment(Segment.MID_MARKET)
                .region("EMEA").voluntary(code != null);
    }

    @ParameterizedTest
    @FieldSource("REQUESTS")
    void answersExactlyWhatTheSchedulersTestsAreFed(PacketInputsRequest request) throws IOException {
        String answer = analyzer.get(request.path()).statusCode(200).extract().asString();
        JsonNode actual = JSON.readTree(answer);
        if (Boolean.getBoolean("contract.examples.record")) {
            Path file = RECORDINGS.resolve(request.resource());
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(actual) + "\n");
            return;
        }
        byte[] recorded = AnalyzerExamples.answer(request.month(), request.trendFrom());
        assertNotNull(recorded, request.resource());
        assertEquals(JSON.writeValueAsString(JSON.readTree(recorded)), JSON.writeValueAsString(actual),
                "the analyzer's answer to " + request.path() + " drifted from the contract example the scheduler's "
                        + "tests are fed (" + request.resource() + ")");
    }

    /** The taxonomy versions the scheduler checks action causes against; only when each was made may differ. */
    @Test
    void answersTheTaxonomyVersionsTheSchedulersTestsAreFed() throws IOException {
        JsonNode actual = JSON.readTree(analyzer.get(AnalyzerExamples.TAXONOMY_VERSIONS_PATH).statusCode(200)
                .extract().asString());
        if (Boolean.getBoolean("contract.examples.record")) {
            Files.writeString(RECORDINGS.resolve(AnalyzerExamples.TAXONOMY_VERSIONS_RESOURCE), JSON.writeValueAsString(actual) + "\n");
            return;
        }
        assertEquals(JSON.writeValueAsString(withoutTimes(JSON.readTree(AnalyzerExamples.taxonomyVersions()))),
                JSON.writeValueAsString(withoutTimes(actual)), "the analyzer's taxonomy versions drifted from the contract "
                        + "example the scheduler's tests are fed (" + AnalyzerExamples.TAXONOMY_VERSIONS_RESOURCE + ")");
    }

    private static JsonNode withoutTimes(JsonNode versions) {
        versions.forEach(v -> ((ObjectNode) v).remove("createdAt"));
        return versions;
    }
}
