package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defectionFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.ContractSchemas;
import io.lossreview.contracts.Segment;
import io.lossreview.contracts.analysis.view.CustomerMatch;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Finding customers by id or account name, best matches first (2035). */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class CustomerSearchTest {

    /** A word no other test's customer has, so these customers are the only ones it finds. */
    private static final String WORD = "Qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final String EXACT = WORD.toUpperCase(Locale.ROOT);
    private static final String ID_PREFIX = WORD + "-2";
    private static final String NAME_PREFIX = "cus_np_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NAME_SUBSTRING = "cus_ns_" + UUID.randomUUID().toString().substring(0, 8);

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    AnalyzerClient analyzer;

    @BeforeEach
    void client() {
        analyzer = new AnalyzerClient(prefix, dataSource);
    }

    @BeforeAll
    void customers() {
        analyzer = new AnalyzerClient(prefix, dataSource);
        DefectionBuilder substring = defectionFor(NAME_SUBSTRING, "2035-07").accountName("The " + WORD + " Group");
        DefectionBuilder namePrefix = defectionFor(NAME_PREFIX, "2035-07").accountName(WORD + " Holdings");
        DefectionBuilder idPrefix = defectionFor(ID_PREFIX, "2035-07").accountName("Aardvark Ltd");
        DefectionBuilder exact = defectionFor(EXACT, "2035-07").accountName("Zulu Partners").segment(Segment.SMB);
        analyzer.publish(substring, namePrefix, idPrefix, exact,
                exact.nextEpisode("2035-09").accountName("Zulu Partners AG").segment(Segment.ENTERPRISE));
    }

    @Test
    void exactIdThenIdPrefixThenNamePrefixThenNameSubstring() throws Exception {
        String body = analyzer.get("/customers?q={q}", WORD.toLowerCase(Locale.ROOT)).statusCode(200)
                .body("customerId", equalTo(List.of(EXACT, ID_PREFIX, NAME_PREFIX, NAME_SUBSTRING)))
                .body("[0].accountName", equalTo("Zulu Partners AG")).body("[0].segment", equalTo("ENTERPRISE"))
                .body("[0].latestLossMonth", equalTo("2035-09")).body("[0].defections", equalTo(2))
                .body("[3].accountName", equalTo("The " + WORD + " Group")).body("[3].defections", equalTo(1))
                .extract().asString();
        for (JsonNode match : ContractJson.mapper().readTree(body)) {
            assertEquals(List.of(), ContractSchemas.get().validateView(CustomerMatch.class, match));
        }
        analyzer.get("/customers?q={q}&limit=2", "  " + WORD.toUpperCase(Locale.ROOT) + " ").statusCode(200)
                .body("customerId", equalTo(List.of(EXACT, ID_PREFIX)));
    }

    @Test
    void aNameMatchesAnywhereAnIdOnlyAtItsStart() {
        analyzer.get("/customers?q={q}", WORD.substring(2) + " holdings").statusCode(200)
                .body("customerId", equalTo(List.of(NAME_PREFIX)));
        analyzer.get("/customers?q={q}", NAME_SUBSTRING.substring(3)).statusCode(200).body("", hasSize(0));
        analyzer.get("/customers?q={q}", NAME_SUBSTRING.substring(0, 10)).statusCode(200)
                .body("customerId", equalTo(List.of(NAME_SUBSTRING)));
    }

    @Test
    void wildcardsInTheQueryAreJustCharacters() {
        // Unescaped, '%' would match every customer and '_' any character.
        analyzer.get("/customers?q={q}", "%").statusCode(200).body("", hasSize(0));
        analyzer.get("/customers?q={q}", WORD.substring(0, 3) + "_").statusCode(200).body("", hasSize(0));
        analyzer.get("/customers?q={q}", "cus_np_").statusCode(200).body("customerId", equalTo(List.of(NAME_PREFIX)))
                .body("[0].accountName", equalTo(WORD + " Holdings"));
    }

    @Test
    void aQueryAndALimitOutsideTheRulesAre400sNamingThem() {
        analyzer.get("/customers").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("q")).body("violations[0].rule", equalTo("required"));
        analyzer.get("/customers?q={q}", "   ").statusCode(400).body("violations[0].field", equalTo("q"))
                .body("violations[0].rule", equalTo("length"));
        analyzer.get("/customers?q={q}", "a".repeat(101)).statusCode(400).body("violations[0].field", equalTo("q"));
        analyzer.get("/customers?q={q}", "a".repeat(100)).statusCode(200);
        for (String limit : List.of("0", "51", "ten")) {
            analyzer.get("/customers?q=acme&limit={limit}", limit).statusCode(400)
                    .body("violations[0].field", equalTo("limit"));
        }
        analyzer.get("/customers?q=acme&name=acme").statusCode(400).body("violations[0].rule", equalTo("unknown-parameter"));
    }
}
