package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.EventTypes;
import io.lossreview.testing.DefaultTestCaller;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Triage of the review queue: with or without words, per month, and suggestions accepted in bulk (2036). */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class ReviewQueueTriageTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    AnalyzerClient analyzer;

    @BeforeEach
    void client() {
        analyzer = new AnalyzerClient(prefix, dataSource);
    }

    /** Words no cause knows and no labelled example holds: the classifier has nothing, the queue gets it. */
    private static String nonsense() {
        return "Zorblaxian quimfrabulous wendlethorpe " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theQueueSplitsIntoItemsWithAndWithoutWordsPerMonth() {
        DefectionBuilder stated = defection("2036-01").mrr("300.00").stated(nonsense());
        DefectionBuilder commented = defection("2036-01").mrr("200.00").reason(null, nonsense(), null, null, null);
        DefectionBuilder silent = defection("2036-01").mrr("100.00");
        DefectionBuilder blank = defection("2036-01").mrr("50.00").reason(null, " \t ", null, "  ", null);
        DefectionBuilder sure = defection("2036-01").reason("too_expensive", null, null, null, null);
        DefectionBuilder later = defection("2036-02").mrr("10.00");
        analyzer.publish(stated, commented, silent, blank, sure, later);

        analyzer.get("/review-queue?month=2036-01").statusCode(200)
                .body("items.id", equalTo(List.of(stated.id, commented.id, silent.id, blank.id)));
        analyzer.get("/review-queue?month=2036-01&words=true").statusCode(200)
                .body("items.id", equalTo(List.of(stated.id, commented.id))).body("total", equalTo(2));
        analyzer.get("/review-queue?month=2036-01&words=FALSE").statusCode(200)
                .body("items.id", equalTo(List.of(silent.id, blank.id))).body("total", equalTo(2));
        analyzer.get("/review-queue?words=maybe").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("words")).body("violations[0].rule", equalTo("one-of"));

        List<String> months = analyzer.get("/review-queue/months").statusCode(200)
                .body("find { it.month == '2036-01' }.items", equalTo(4))
                .body("find { it.month == '2036-01' }.withoutWords", equalTo(2))
                .body("find { it.month == '2036-02' }.items", equalTo(1))
                .body("find { it.month == '2036-02' }.withoutWords", equalTo(1))
                .body("month", not(hasItem("2036-03"))).extract().path("month");
        List<String> newestFirst = new ArrayList<>(months);
        newestFirst.sort(java.util.Comparator.reverseOrder());
        assertEquals(newestFirst, months);
        analyzer.get("/review-queue/months?month=2036-01").statusCode(400)
                .body("violations[0].rule", equalTo("unknown-parameter"));
    }

    private static ValidatableResponse accept(String who, Object body) {
        return given().header("Authorization", DefaultTestCaller.as(who)).contentType(ContentType.JSON).body(body)
                .when().post("/review-queue/accept").then();
    }

    @Test
    void acceptedSuggestionsBecomeThePersonsDecisionsOncePerDefection() throws Exception {
        DefectionBuilder queued = defection("2036-05").mrr("100.00").stated(nonsense());
        DefectionBuilder silent = defection("2036-05").mrr("40.00");
        DefectionBuilder decided = defection("2036-05").mrr("70.00").stated(nonsense());
        DefectionBuilder sure = defection("2036-05").reason("too_expensive", null, null, null, null);
        analyzer.publish(queued, silent, decided, sure);
        analyzer.setCause(decided.id, "SUPPORT", "ops.ben").statusCode(200);
        long announced = awaitAnnounced("2036-05", 0);
        String unknown = UUID.randomUUID().toString();

        accept("ops.anna", Map.of("ids", List.of(queued.id, silent.id, decided.id, sure.id, unknown, queued.id)))
                .statusCode(200)
                .body("accepted", equalTo(2)).body("alreadyDecided", equalTo(2)).body("notFound", equalTo(1))
                .body("outcomes.id", equalTo(List.of(queued.id, silent.id, decided.id, sure.id, unknown)))
                .body("outcomes.status", equalTo(List.of("ACCEPTED", "ACCEPTED", "ALREADY_DECIDED", "ALREADY_DECIDED",
                        "NOT_FOUND")))
                .body("outcomes.cause", equalTo(java.util.Arrays.asList("OTHER", "OTHER", "SUPPORT", "PRICE", null)));

        analyzer.get("/defections/{id}", queued.id).body("cause", equalTo("OTHER")).body("causeSource", equalTo("MANUAL"))
                .body("decidedBy", equalTo("ops.anna")).body("needsReview", equalTo(false)).body("confidence", equalTo(1.0f));
        analyzer.get("/defections/{id}", decided.id).body("decidedBy", equalTo("ops.ben"));
        analyzer.get("/review-queue?month=2036-05").body("total", equalTo(0));
        analyzer.get("/customers/{id}", queued.customerId)
                .body("defections[0].causeHistory.causeSource", equalTo(List.of("CLASSIFIER", "MANUAL")))
                .body("defections[0].causeHistory[1].why", equalTo("accepted the suggested cause in the review queue"));
        analyzer.get("/months/2036-05/causes").body("causes.find { it.cause == 'OTHER' }.customers", equalTo(2));
        assertTrue(awaitAnnounced("2036-05", announced) > announced, "the month is announced again on loss.analysis");

        accept("ops.anna", Map.of("ids", List.of(queued.id))).statusCode(200)
                .body("outcomes[0].status", equalTo("ALREADY_DECIDED")).body("accepted", equalTo(0));
        analyzer.get("/customers/{id}", queued.customerId).body("defections[0].causeHistory.size()", equalTo(2));
    }

    @Test
    void aBodyOutsideTheRulesIsA400NamingIds() {
        accept("ops.anna", Map.of()).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("/ids")).body("violations[0].rule", equalTo("size"));
        accept("ops.anna", Map.of("ids", List.of())).statusCode(400).body("violations[0].field", equalTo("/ids"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        accept("ops.anna", Map.of("ids", tooMany)).statusCode(400).body("violations[0].field", equalTo("/ids"));
        accept("ops.anna", Map.of("ids", tooMany.subList(0, 200))).statusCode(200).body("notFound", equalTo(200));
        accept("ops.anna", Map.of("ids", List.of(UUID.randomUUID().toString(), "1-1-1-1-1", "nope"))).statusCode(400)
                .body("violations.field", equalTo(List.of("/ids/1", "/ids/2")))
                .body("violations.rule", equalTo(List.of("uuid", "uuid")));
        accept("ops.anna", "{\"ids\": \"" + UUID.randomUUID() + "\"}").statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * Waits until loss.analysis has an announcement of the month newer than outbox row {@code after} and no
     * mark waits to be announced; returns its row id.
     */
    private long awaitAnnounced(String month, long after) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select (select max(id) from outbox "
                    + "where event_type = ? and event_key = ? and id > ?), exists (select 1 from month_changed where month = ?)")) {
                ps.setString(1, EventTypes.MONTH_ANALYZED);
                ps.setString(2, month);
                ps.setLong(3, after);
                ps.setString(4, month);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    long id = rs.getLong(1);
                    if (!rs.wasNull() && !rs.getBoolean(2)) {
                        return id;
                    }
                }
            }
            Thread.sleep(100);
        }
        return after;
    }
}
