package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Classification as stored and served: codes, free text, negation, review queue and people's decisions (2019). */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class ClassificationTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    AnalyzerClient analyzer;

    @BeforeEach
    void client() {
        analyzer = new AnalyzerClient(prefix, dataSource);
    }

    private void expectCause(DefectionBuilder d, String cause) {
        analyzer.get("/defections/{id}", d.id).statusCode(200).body("cause", equalTo(cause))
                .body("causeSource", equalTo("CLASSIFIER")).body("taxonomyVersion", equalTo(1))
                .body("evidence", not(org.hamcrest.Matchers.empty()));
    }

    @Test
    void codesTextNegationAndInvoluntaryChurn() {
        DefectionBuilder code = defection("2019-01").reason("too_expensive", null, null, null, null);
        DefectionBuilder text = defection("2019-01").stated("Support took three weeks to answer a P1 ticket, nobody cared");
        DefectionBuilder negated = defection("2019-01").stated("not the price, the support was awful");
        DefectionBuilder failed = defection("2019-01").voluntary(false).reason("too_expensive", null, null, null, null);
        DefectionBuilder competitor = defection("2019-01").reason("switched_service", "moved everything to Zendora", null, null, "Zendora");
        DefectionBuilder bust = defection("2019-01").reason("other", "we went bust, closing the company", null, null, null);
        analyzer.publish(code, text, negated, failed, competitor, bust);
        expectCause(code, "PRICE");
        analyzer.get("/defections/{id}", code.id).body("evidence.kind", hasItem("reason-code"));
        expectCause(text, "SUPPORT");
        expectCause(negated, "SUPPORT");
        expectCause(failed, "INVOLUNTARY");
        expectCause(competitor, "COMPETITOR");
        expectCause(bust, "NO_LONGER_NEEDED");
        analyzer.get("/defections/{id}", failed.id).body("confidence", greaterThanOrEqualTo(0.95f));
    }

    @Test
    void unclearReasonsWaitInTheReviewQueueUntilAPersonDecides() {
        // Words neither the rules nor the model know: nothing to decide on. ("they just left, no idea why" is no
        // longer unclear: the model is sure it gives no reason, a confident OTHER.)
        DefectionBuilder unclear = defection("2019-02").mrr("900.00").stated("blorft vexx quibblesnark");
        analyzer.publish(unclear);
        analyzer.get("/defections/{id}", unclear.id).body("needsReview", equalTo(true))
                .body("confidence", lessThan(0.6f));
        analyzer.get("/review-queue?month=2019-02").statusCode(200).body("items.id", hasItem(unclear.id))
                .body("items[0].statedReason.statedReason", equalTo("blorft vexx quibblesnark"));

        analyzer.setCause(unclear.id, "support", "ops.anna").statusCode(200)
                .body("cause", equalTo("SUPPORT")).body("causeSource", equalTo("MANUAL"))
                .body("decidedBy", equalTo("ops.anna")).body("decidedAt", notNullValue());
        analyzer.get("/review-queue?month=2019-02").body("items.id", not(hasItem(unclear.id)));
        analyzer.get("/months/2019-02/causes").body("causes[0].cause", equalTo("SUPPORT"));

        // A new revision from ingest is not re-classified over the person's decision.
        analyzer.publish(unclear.revision(2).stated("price price price too expensive"));
        analyzer.get("/defections/{id}", unclear.id).body("cause", equalTo("SUPPORT"))
                .body("causeSource", equalTo("MANUAL")).body("defection.revision", equalTo(2));
    }

    @Test
    void thePhrasingPeopleLabelledIsRecognisedNextTime() {
        String text = "Moving to the parent company's group-wide contract in January";
        DefectionBuilder first = defection("2019-03").stated(text);
        analyzer.publish(first);
        analyzer.setCause(first.id, "NO_LONGER_NEEDED", "ops.ben").statusCode(200);
        DefectionBuilder same = defection("2019-03").stated("moving to the parent company's group-wide contract in january!");
        DefectionBuilder near = defection("2019-03").stated("Moving to the parent company's group-wide contract next January");
        analyzer.publish(same, near);
        analyzer.get("/defections/{id}", same.id).body("cause", equalTo("NO_LONGER_NEEDED"))
                .body("evidence.kind", hasItem("labelled-example"));
        analyzer.get("/defections/{id}", near.id).body("cause", equalTo("NO_LONGER_NEEDED"));
    }

    @Test
    void aCauseDecisionIsValidated() {
        DefectionBuilder d = defection("2019-04").stated("too expensive");
        analyzer.publish(d);
        analyzer.setCause(d.id, "VIBES", "ops.anna").statusCode(400)
                .body("violations[0].field", equalTo("/cause")).body("violations[0].rule", equalTo("taxonomy-cause"));
        analyzer.setCause(d.id, "", "ops.anna").statusCode(400);
        analyzer.setCause(java.util.UUID.randomUUID().toString(), "PRICE", "ops.anna").statusCode(404)
                .contentType("application/problem+json");
    }
}
