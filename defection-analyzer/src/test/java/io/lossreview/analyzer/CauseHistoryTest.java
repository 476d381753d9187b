package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.change.CallCorrections;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.EventSources;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.review.CallCompleted;
import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.contracts.review.WinBackChance;
import io.lossreview.testing.DefaultTestCaller;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every decision about a cause is kept, once: the classifier's, a person's, a call's and a backfill's, each with
 * why; the same decision again (a redelivery, a replay under a new id, a revision classified alike, a backfill
 * that decides the same) adds nothing (2034).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class CauseHistoryTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    AnalyzerClient analyzer;

    @BeforeEach
    void client() {
        analyzer = new AnalyzerClient(prefix, dataSource);
    }

    /** The history of the customer's only defection, as the story tells it. */
    private ValidatableResponse history(DefectionBuilder d, int rows) {
        return analyzer.get("/customers/{id}", d.customerId).statusCode(200)
                .body("defections", hasSize(1)).body("defections[0].causeHistory", hasSize(rows));
    }

    @Test
    void theClassifierAndAPersonEachDecideOnceAndARevisionClassifiedAlikeAddsNothing() {
        DefectionBuilder d = defection("2034-01").reason("too_expensive", null, null, null, null);
        String eventId = UUID.randomUUID().toString();
        String event = d.event(eventId);
        analyzer.publishRaw(List.of(new String[] {d.customerId, event}, new String[] {d.customerId, event}), List.of(eventId));
        history(d, 1).body("defections[0].causeHistory[0].cause", equalTo("PRICE"))
                .body("defections[0].causeHistory[0].causeSource", equalTo("CLASSIFIER"))
                .body("defections[0].causeHistory[0].decidedBy", nullValue())
                .body("defections[0].causeHistory[0].why", equalTo("classified revision 1"));

        analyzer.publish(d.revision(2).seats(3)); // a new revision, the same words: the same decision
        history(d, 1).body("defections[0].defection.seats", equalTo(3));

        analyzer.publish(d.revision(3).reason("missing_features", null, null, null, null));
        history(d, 2).body("defections[0].causeHistory[1].cause", equalTo("MISSING_FEATURES"))
                .body("defections[0].causeHistory[1].why", equalTo("classified revision 3"));

        analyzer.setCause(d.id, "SUPPORT", "ops.anna").statusCode(200);
        history(d, 3).body("defections[0].causeHistory[2].cause", equalTo("SUPPORT"))
                .body("defections[0].causeHistory[2].causeSource", equalTo("MANUAL"))
                .body("defections[0].causeHistory[2].confidence", equalTo(1.0f))
                .body("defections[0].causeHistory[2].decidedBy", equalTo("ops.anna"))
                .body("defections[0].causeHistory[2].why", equalTo("checked"))
                .body("defections[0].causeHistory[2].decidedAt", equalTo(
                        analyzer.get("/defections/{id}", d.id).extract().path("decidedAt")));

        analyzer.publish(d.revision(4).reason("too_expensive", null, null, null, null)); // the person's cause stands
        history(d, 3).body("defections[0].defection.cause", equalTo("SUPPORT"));
        analyzer.setCause(d.id, "COMPETITOR", "ops.ben").statusCode(200);
        history(d, 4).body("defections[0].causeHistory.decidedBy", equalTo(Arrays.asList(null, null, "ops.anna", "ops.ben")));
    }

    @Test
    void aDefectionWithdrawnAndThenALossAgainKeepsItsHistoryAndDecidesNothingNew() {
        DefectionBuilder d = defection("2034-05").reason("too_expensive", null, null, null, null);
        analyzer.publish(d);
        analyzer.publish(d.revision(2).contraction(true));
        analyzer.get("/customers/{id}", d.customerId).statusCode(404).contentType("application/problem+json");
        analyzer.publish(d.revision(3).contraction(false));
        history(d, 1).body("defections[0].causeHistory[0].why", equalTo("classified revision 1"));
    }

    @Test
    void aCallOutcomeIsKeptOnceHoweverOftenItComes() throws Exception {
        DefectionBuilder d = defection("2034-02").reason("too_expensive", null, null, null, null);
        analyzer.publish(d);
        String assignment = UUID.randomUUID().toString();
        CallCompleted call = new CallCompleted(assignment, d.id, d.customerId, "exec-7", CallOutcome.REACHED,
                "MISSING_FEATURES", WinBackChance.LOW, Instant.now(), "exec-7");
        String first = UUID.randomUUID().toString();
        String replayed = UUID.randomUUID().toString(); // the same outcome replayed under a new event id
        analyzer.kafka().sendAll(Topics.LOSS_REVIEW, List.of(new String[] {d.customerId, callEvent(first, call)},
                new String[] {d.customerId, callEvent(first, call)}));
        analyzer.awaitProcessed(CallCorrections.CONSUMER, List.of(first));
        analyzer.kafka().sendAll(Topics.LOSS_REVIEW, List.<String[]>of(new String[] {d.customerId, callEvent(replayed, call)}));
        analyzer.awaitProcessed(CallCorrections.CONSUMER, List.of(replayed));

        history(d, 2).body("defections[0].causeHistory[1].cause", equalTo("MISSING_FEATURES"))
                .body("defections[0].causeHistory[1].causeSource", equalTo("CALL"))
                .body("defections[0].causeHistory[1].decidedBy", equalTo("exec-7"))
                .body("defections[0].causeHistory[1].why", equalTo("call outcome " + assignment));
    }

    @Test
    void aBackfillThatDecidesAnewIsKeptWithItsVersionAndOneThatDecidesTheSameIsNot() throws Exception {
        DefectionBuilder d = defection("2034-03").stated("The renewal price went up far too much");
        DefectionBuilder manual = defection("2034-03").stated("Our parent company mandates another vendor");
        analyzer.publish(d, manual);
        analyzer.setCause(manual.id, "OTHER", "ops.anna").statusCode(200);
        int pinned = analyzer.get("/defections/{id}", d.id).extract().path("taxonomyVersion");

        backfill(pinned).body("reclassified", equalTo(1)).body("keptManual", equalTo(1));
        history(d, 1);
        history(manual, 2);

        int version = farFutureVersion();
        backfill(version).body("reclassified", equalTo(1));
        history(d, 2).body("defections[0].causeHistory[1].taxonomyVersion", equalTo(version))
                .body("defections[0].causeHistory[1].causeSource", equalTo("CLASSIFIER"))
                .body("defections[0].causeHistory[1].why",
                        equalTo("taxonomy v" + version + " backfill 2034-03..2034-03 requested by admin.zoe"));
        history(manual, 2);
    }

    private ValidatableResponse backfill(int version) {
        return given().header("Authorization", DefaultTestCaller.as("admin.zoe")).contentType(ContentType.JSON)
                .body(Map.of("version", version, "from", "2034-03", "to", "2034-03"))
                .post("/taxonomy/backfills").then().statusCode(200);
    }

    /** A copy of version 1 effective from 2090: no month of any test is pinned to it unless backfilled. */
    private static int farFutureVersion() throws Exception {
        List<Map<String, Object>> causes = new ArrayList<>(given().get("/taxonomy/versions").then().statusCode(200)
                .extract().path("[0].taxonomy.causes"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("effectiveFrom", "2090-01-01");
        body.put("causes", causes);
        body.put("note", "cause history test: version 1 again");
        return given().header("Authorization", DefaultTestCaller.as("admin.zoe")).contentType(ContentType.JSON)
                .body(ContractJson.mapper().writeValueAsString(body)).put("/taxonomy").then().statusCode(200)
                .extract().path("taxonomy.version");
    }

    private static String callEvent(String eventId, CallCompleted call) throws Exception {
        return CloudEventEnvelope.write(eventId, EventSources.REVIEW_SCHEDULER, EventTypes.CALL_COMPLETED, call.customerId(),
                Instant.now(), call, ContractJson.mapper());
    }

    @Test
    void theSamePersonDecidingTheSameCauseAgainAddsNothing() throws Exception {
        DefectionBuilder d = defection("2034-04").reason("too_expensive", null, null, null, null);
        analyzer.publish(d);
        analyzer.setCause(d.id, "SUPPORT", "ops.anna").statusCode(200);
        analyzer.setCause(d.id, "SUPPORT", "ops.anna").statusCode(200); // the same person, the same cause: nothing new
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "select string_agg(cause_source || ':' || cause, ',' order by id) from cause_decision where defection_id = ?")) {
            ps.setObject(1, UUID.fromString(d.id));
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals("CLASSIFIER:PRICE,MANUAL:SUPPORT", rs.getString(1));
            }
        }
    }
}
