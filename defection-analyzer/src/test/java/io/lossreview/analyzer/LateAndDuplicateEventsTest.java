package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.change.DefectionIntake;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.Topics;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redeliveries, revisions arriving out of order, moves between months, win-backs and bad events (2022). */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class LateAndDuplicateEventsTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    AnalyzerClient analyzer;

    @BeforeEach
    void client() {
        analyzer = new AnalyzerClient(prefix, dataSource);
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        DefectionBuilder d = defection("2022-01").reason("too_expensive", null, null, null, null).mrr("10.00");
        String eventId = UUID.randomUUID().toString();
        String event = d.event(eventId);
        analyzer.publishRaw(List.of(new String[] {d.customerId, event}, new String[] {d.customerId, event}), List.of(eventId));
        analyzer.publishRaw(List.<String[]>of(new String[] {d.customerId, event}), List.of(eventId));
        analyzer.publish(defection("2022-01").mrr("1.00")); // a later event: the redeliveries were handled before it
        analyzer.get("/months/2022-01/summary").body("customers", equalTo(2)).body("mrrLost", equalTo("11.00"));
    }

    @Test
    void anOlderRevisionArrivingLateChangesNothing() {
        DefectionBuilder d = defection("2022-02").mrr("200.00").revision(2);
        analyzer.publish(d);
        analyzer.publish(d.revision(1).mrr("100.00"));
        analyzer.get("/months/2022-02/summary").body("customers", equalTo(1)).body("arrLost", equalTo("2400.00"));
    }

    @Test
    void aDefectionMovingMonthLeavesTheOldMonthAndAWinBackIsNotALoss() {
        DefectionBuilder d = defection("2022-03").mrr("50.00");
        analyzer.publish(d);
        analyzer.publish(d.revision(2).month("2022-04"));
        analyzer.get("/months/2022-03/summary").body("customers", equalTo(0)).body("arrLost", equalTo("0.00"));
        analyzer.get("/months/2022-04/summary").body("customers", equalTo(1)).body("arrLost", equalTo("600.00"));
        analyzer.publish(d.revision(3).wonBack(true));
        analyzer.get("/months/2022-04/summary").body("customers", equalTo(0)).body("wonBack", equalTo(1))
                .body("wonBackArr", equalTo("600.00"));
    }

    /** A contraction (the customer kept another subscription) withdraws the loss; a newer revision may restore it. */
    @Test
    void aWithdrawnDefectionCountsNowhereUntilANewerRevisionMakesItALossAgain() {
        DefectionBuilder d = defection("2022-09").mrr("40.00");
        analyzer.publish(d, defection("2022-09").mrr("5.00"));
        analyzer.publish(d.revision(2).contraction(true));
        analyzer.get("/months/2022-09/summary").body("customers", equalTo(1)).body("mrrLost", equalTo("5.00"));
        analyzer.get("/defections?month=2022-09").body("total", equalTo(1));
        analyzer.publish(d.revision(1).contraction(false)); // older, late: still withdrawn
        analyzer.get("/months/2022-09/summary").body("customers", equalTo(1));
        analyzer.publish(d.revision(3).contraction(false).mrr("45.00"));
        analyzer.get("/months/2022-09/summary").body("customers", equalTo(2)).body("mrrLost", equalTo("50.00"));
        // Withdrawn before the analyzer ever saw it as a loss: nothing to count.
        analyzer.publish(defection("2022-09").mrr("7.00").revision(2).contraction(true));
        analyzer.get("/months/2022-09/summary").body("customers", equalTo(2));
    }

    @Test
    void aLateDefectionForAPastMonthUpdatesThatMonth() {
        analyzer.publish(defection("2022-06").mrr("10.00"));
        analyzer.publish(defection("2022-05").mrr("30.00"), defection("2022-05").pending());
        analyzer.get("/months/2022-05/summary").body("customers", equalTo(2)).body("unvalued", equalTo(1))
                .body("mrrLost", equalTo("30.00"));
        analyzer.get("/defections?month=2022-05&valuePending=true").body("total", equalTo(1));
    }

    @Test
    void badEventsAreDeadLetteredAndConsumptionGoesOn() throws Exception {
        DefectionBuilder good = defection("2022-07").mrr("5.00");
        String goodId = UUID.randomUUID().toString();
        String broken = good.event(UUID.randomUUID().toString()).replaceFirst("\"seats\":1", "\"seats\":-4");
        analyzer.kafka().sendAll(Topics.LOSS_DEFECTIONS, List.of(new String[] {"k-bad", "not json at all"},
                new String[] {"k-bad", broken}, new String[] {good.customerId, good.event(goodId)}));
        analyzer.awaitProcessed(DefectionIntake.CONSUMER, List.of(goodId));
        analyzer.get("/months/2022-07/summary").body("customers", equalTo(1));
        var dead = analyzer.kafka().await(Topics.LOSS_REJECTED, 2,
                r -> r.value().contains("not json at all") || r.value().contains("\\\"seats\\\":-4"), Duration.ofSeconds(30));
        assertEquals(2, dead.size());
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "select violations->0->>'rule', violations->0->>'pointer' from dead_letter where consumer = ? and encode(payload, 'escape') like ? order by kafka_offset")) {
            ps.setString(1, DefectionIntake.CONSUMER);
            ps.setString(2, "%" + good.customerId + "%");
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals("minimum", rs.getString(1));
                assertEquals("/data/seats", rs.getString(2));
            }
        }
    }
}
