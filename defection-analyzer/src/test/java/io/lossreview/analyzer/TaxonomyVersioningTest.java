package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.testing.DefaultTestCaller;
import io.lossreview.contracts.ContractJson;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A taxonomy change never relabels a month silently: a month keeps the version it was first
 * reported under until an explicit backfill (2031, so no other test's months are affected).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class TaxonomyVersioningTest {

    private static final String SECURITY_TEXT = "Failed our SOC2 security review, compliance said no";

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNewVersionAppliesToNewMonthsAndToOldOnesOnlyByBackfill() throws Exception {
        AnalyzerClient analyzer = new AnalyzerClient(prefix, dataSource);
        DefectionBuilder before = defection("2031-01").stated(SECURITY_TEXT);
        // Different words on purpose: a person's label also teaches the classifier its phrasing.
        DefectionBuilder manual = defection("2031-01").stated("Budget got cut across the whole department");
        analyzer.publish(before, manual);
        analyzer.setCause(manual.id, "PRICE", "ops.anna").statusCode(200);

        // The header claims someone else: it counts for nothing, the token's subject is recorded.
        int version = given().header("Authorization", DefaultTestCaller.as("admin.zoe"))
                .header("X-Loss-Review-User", "mallory").contentType(ContentType.JSON)
                .body(withSecurityCause("2031-01-01")).put("/taxonomy").then().statusCode(200)
                .body("monthsOnOlderVersions.'2031-01'", equalTo(1))
                .extract().path("taxonomy.version");

        DefectionBuilder late = defection("2031-01").stated(SECURITY_TEXT);
        DefectionBuilder next = defection("2031-02").stated(SECURITY_TEXT);
        analyzer.publish(late, next);
        analyzer.get("/defections/{id}", late.id).body("taxonomyVersion", equalTo(1)).body("cause", not(equalTo("SECURITY")));
        analyzer.get("/months/2031-01/summary").body("taxonomyVersion", equalTo(1));
        analyzer.get("/defections/{id}", next.id).body("taxonomyVersion", equalTo(version)).body("cause", equalTo("SECURITY"));
        analyzer.get("/months/2031-02/causes").body("taxonomyVersion", equalTo(version))
                .body("causes[0].label", equalTo("Security & compliance"));

        given().header("Authorization", DefaultTestCaller.as("admin.zoe")).contentType(ContentType.JSON)
                .body(Map.of("version", version, "from", "2031-01", "to", "2031-01"))
                .post("/taxonomy/backfills").then().statusCode(200)
                .body("reclassified", equalTo(2)).body("keptManual", equalTo(1));
        analyzer.get("/defections/{id}", late.id).body("cause", equalTo("SECURITY")).body("taxonomyVersion", equalTo(version));
        analyzer.get("/defections/{id}", manual.id).body("cause", equalTo("PRICE")).body("causeSource", equalTo("MANUAL"));
        analyzer.get("/months/2031-01/summary").body("taxonomyVersion", equalTo(version));
        analyzer.get("/months/2031-01/causes").body("causes.cause", hasItem("SECURITY"));
        analyzer.get("/taxonomy/versions").body("taxonomy.version", hasItem(version)).body("createdBy", hasItem("admin.zoe"))
                .body("createdBy", not(hasItem("mallory")));
    }

    @Test
    void anInvalidChangeIsRefusedWithTheRuleItBreaks() throws Exception {
        given().header("Authorization", DefaultTestCaller.as("admin.zoe")).contentType(ContentType.JSON).body(withSecurityCause("2031-03-15"))
                .put("/taxonomy").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("/effectiveFrom")).body("violations.rule", hasItem("first-day-of-month"));
        given().header("Authorization", DefaultTestCaller.as("admin.zoe")).contentType(ContentType.JSON)
                .body("{\"effectiveFrom\":\"2031-03-01\",\"causes\":[{\"code\":\"PRICE\",\"label\":\"Price\"}]}")
                .put("/taxonomy").then().statusCode(400).body("violations.rule", hasItem("taxonomy"));
        given().header("Authorization", DefaultTestCaller.as("admin.zoe")).contentType(ContentType.JSON)
                .body(Map.of("version", 999, "from", "2031-01", "to", "2031-01"))
                .post("/taxonomy/backfills").then().statusCode(400).body("violations[0].field", equalTo("/version"));
    }

    @SuppressWarnings("unchecked")
    private static String withSecurityCause(String effectiveFrom) throws Exception {
        List<Map<String, Object>> causes = new ArrayList<>(given().get("/taxonomy/versions").then().statusCode(200)
                .extract().path("[0].taxonomy.causes"));
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("code", "SECURITY");
        security.put("label", "Security & compliance");
        security.put("description", "Security reviews, certifications, data residency");
        security.put("phrases", List.of("security review", "data residency"));
        security.put("keywords", List.of("security", "soc2", "compliance", "gdpr"));
        security.put("reasonCodes", List.of());
        causes.add(0, security);
        return ContractJson.mapper().writeValueAsString(Map.of("effectiveFrom", effectiveFrom, "causes", causes,
                "note", "security became a reason of its own"));
    }
}
