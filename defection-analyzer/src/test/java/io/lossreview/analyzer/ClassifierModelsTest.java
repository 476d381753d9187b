package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.classify.learned.ModelRegistry;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.CompanyWords;
import io.lossreview.analyzer.support.CompanyWords.Case;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.testing.DefaultTestCaller;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The text model learns from people's causes through the running service: labels retrain it, the new model is
 * registered and active on its own, it classifies new defections only (a month already classified changes through a
 * backfill), and an admin can go back to the earlier model and hold it. People label two phrasings of each case's
 * made-up words; the third phrasing is what the model must learn. Retraining after as many labels as that (a
 * profile of its own: a fresh database, so the counts are this test's).
 */
@QuarkusTest
@TestProfile(ClassifierModelsTest.RetrainAfterSevenLabels.class)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class ClassifierModelsTest {

    public static class RetrainAfterSevenLabels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("analyzer.retrain-after-labels", String.valueOf(LABELS));
        }
    }

    /** Two labelled phrasings per case: the labelled one and the similar one. */
    static final int LABELS = 2 * CompanyWords.CASES.size();
    private static final Duration TRAINING = Duration.ofMinutes(4);

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ModelRegistry registry;

    @Test
    void labelsTeachANewModelThatLeavesClassifiedMonthsAloneAndAnAdminCanRollBack() {
        AnalyzerClient analyzer = new AnalyzerClient(prefix, dataSource);
        JsonPath first = awaitStatus(s -> s.get("active.heldOut.en.rows") != null, "the first model measured");
        long firstId = first.getLong("active.id");
        assertTrue(first.getBoolean("automatic"));
        assertEquals(0, first.getInt("active.peopleLabels"));
        assertTrue(first.getBoolean("active.loadable"));
        assertTrue(first.getDouble("active.heldOut.en.accuracy") > 0.6, "held-out English: " + first.get("active.heldOut.en"));

        // Before: the third phrasings, classified by the first model in 2032-02.
        List<DefectionBuilder> labelled = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        Map<Case, DefectionBuilder> thirdBefore = new LinkedHashMap<>();
        for (Case c : CompanyWords.CASES) {
            labelled.add(defection("2032-01").stated(c.labelled()));
            labelled.add(defection("2032-01").stated(c.similar()));
            causes.add(c.cause());
            causes.add(c.cause());
            thirdBefore.put(c, defection("2032-02").stated(c.further()));
        }
        analyzer.publish(labelled.toArray(DefectionBuilder[]::new));
        analyzer.publish(thirdBefore.values().toArray(DefectionBuilder[]::new));
        Map<Case, String> causeBefore = new LinkedHashMap<>();
        thirdBefore.forEach((c, d) -> causeBefore.put(c, analyzer.get("/defections/{id}", d.id).extract().path("cause")));
        List<Case> wrong = CompanyWords.CASES.stream().filter(c -> !c.cause().equals(causeBefore.get(c))).toList();
        assertFalse(wrong.isEmpty(), "the first model gets every third phrasing right: this test needs new words");

        // People label the texts: a new model is trained in the background and becomes active.
        for (int i = 0; i < labelled.size(); i++) {
            analyzer.setCause(labelled.get(i).id, causes.get(i), "ops.anna").statusCode(200);
        }
        analyzer.publish(defection("2032-01").stated("nothing new")); // the next batch sees the labels are due
        JsonPath second = awaitStatus(s -> s.getLong("active.id") != firstId, "a model trained on the labels");
        long secondId = second.getLong("active.id");
        assertEquals(LABELS, second.getInt("active.peopleLabels"));
        assertEquals("automatic", second.getString("active.activatedBy"));
        assertTrue(second.getList("versions.id", Long.class).containsAll(List.of(secondId, firstId)));

        // The month already classified keeps its causes, a new revision with the same words included.
        DefectionBuilder revised = thirdBefore.get(wrong.get(0));
        analyzer.publish(revised.revision(2).mrr("512.00"));
        analyzer.get("/defections/{id}", revised.id).body("mrrLost", equalTo("512.00"))
                .body("cause", equalTo(causeBefore.get(wrong.get(0))));

        // New defections with the third phrasings: the new model classifies them, and it learned most of them.
        Map<Case, DefectionBuilder> thirdAfter = new LinkedHashMap<>();
        wrong.forEach(c -> thirdAfter.put(c, defection("2032-03").stated(c.further())));
        analyzer.publish(thirdAfter.values().toArray(DefectionBuilder[]::new));
        List<String> taught = new ArrayList<>();
        List<String> taughtByTheModel = new ArrayList<>();
        thirdAfter.forEach((c, d) -> {
            JsonPath view = analyzer.get("/defections/{id}", d.id).extract().jsonPath();
            if (c.cause().equals(view.getString("cause"))) {
                taught.add(c.further());
                if (modelsNamed(view).equals(List.of(secondId))) {
                    taughtByTheModel.add(c.further()); // not by a near-identical labelled text
                }
            }
        });
        assertTrue(taughtByTheModel.size() * 2 > wrong.size(), "taught by model " + secondId + ": " + taughtByTheModel
                + " (all taught: " + taught + ") of " + wrong);

        // An explicit backfill brings the new model to the month classified before it.
        given().header("Authorization", DefaultTestCaller.as("admin.zoe")).contentType(ContentType.JSON)
                .body(Map.of("version", 1, "from", "2032-02", "to", "2032-02")).post("/taxonomy/backfills")
                .then().statusCode(200);
        for (Case c : wrong) {
            String now = analyzer.get("/defections/{id}", thirdBefore.get(c).id).extract().path("cause");
            String newModel = analyzer.get("/defections/{id}", thirdAfter.get(c).id).extract().path("cause");
            assertEquals(newModel, now, "backfilled \"" + c.further() + "\"");
        }

        // An admin goes back to the first model and holds it: new defections are classified by it again.
        JsonPath rolledBack = activate(Map.of("modelId", firstId, "note", "the new one misreads our desk names"))
                .statusCode(200).extract().jsonPath();
        assertEquals(firstId, rolledBack.getLong("active.id"));
        assertTrue(rolledBack.getBoolean("active.held"));
        assertFalse(rolledBack.getBoolean("automatic"));
        assertEquals("admin.zoe", rolledBack.getString("active.activatedBy"));
        List<DefectionBuilder> afterRollback = wrong.stream().map(c -> defection("2032-04").stated(c.further())).toList();
        analyzer.publish(afterRollback.toArray(DefectionBuilder[]::new));
        int byTheFirstModel = 0;
        for (int i = 0; i < wrong.size(); i++) {
            JsonPath view = analyzer.get("/defections/{id}", afterRollback.get(i).id).extract().jsonPath();
            List<Long> models = modelsNamed(view);
            assertFalse(models.contains(secondId), "model " + secondId + " classified after the rollback: " + view.get("evidence"));
            if (!models.isEmpty()) {
                byTheFirstModel++;
                assertEquals(List.of(firstId), models);
                assertEquals(causeBefore.get(wrong.get(i)), view.getString("cause"), wrong.get(i).further());
            }
        }
        assertTrue(byTheFirstModel > 0, "no defection after the rollback was classified by a model");
        // While held, a model trained later does not become active by itself.
        assertFalse(registry.activate(secondId, 1, ModelRegistry.AUTOMATIC, false, null, Instant.now()));

        // Back to automatic: the newest model is active again.
        activate(Map.of("automatic", true)).statusCode(200).body("active.id", equalTo((int) secondId))
                .body("automatic", equalTo(true)).body("active.held", equalTo(false));

        // Nonsense is refused with the rule it breaks.
        activate(Map.of()).statusCode(400).contentType("application/problem+json")
                .body("violations.rule", hasItem("model-or-automatic"));
        activate(Map.of("modelId", firstId, "automatic", true)).statusCode(400);
        activate(Map.of("modelId", 987654321)).statusCode(404).contentType("application/problem+json");
        activate(Map.of("modelId", -3)).statusCode(400).body("violations.field", hasItem("modelId"));
    }

    /** The models a classification's evidence names ("… (model 3)"); none when rules or a labelled text decided. */
    private static List<Long> modelsNamed(JsonPath defection) {
        List<Map<String, String>> evidence = defection.getList("evidence");
        return evidence.stream().filter(e -> "text-model".equals(e.get("kind")))
                .map(e -> Long.parseLong(e.get("detail").replaceAll(".*\\(model (\\d+)\\)$", "$1"))).toList();
    }

    private static io.restassured.response.ValidatableResponse activate(Map<String, Object> body) {
        return given().header("Authorization", DefaultTestCaller.as("admin.zoe")).contentType(ContentType.JSON)
                .body(body).put("/classifier/active").then();
    }

    private static JsonPath awaitStatus(Predicate<JsonPath> done, String what) {
        Instant deadline = Instant.now().plus(TRAINING);
        while (true) {
            JsonPath status = given().accept(ContentType.JSON).get("/classifier").then().statusCode(200).extract().jsonPath();
            if (status.get("active") != null && done.test(status)) {
                return status;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + TRAINING + " for " + what + "; last status: " + status.prettify());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
