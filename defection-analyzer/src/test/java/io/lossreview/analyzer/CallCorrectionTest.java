package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.change.CallCorrections;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.EventSources;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.review.CallCompleted;
import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.contracts.review.WinBackChance;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What an executive learned on a call (loss.review) corrects the cause, once, as a call-confirmed decision (2019-06). */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class CallCorrectionTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReachedCustomersCauseReplacesTheClassifiers() throws Exception {
        AnalyzerClient analyzer = new AnalyzerClient(prefix, dataSource);
        DefectionBuilder d = defection("2019-06").mrr("100.00").reason("too_expensive", null, null, null, null);
        analyzer.publish(d);
        analyzer.get("/months/2019-06/causes").body("causes[0].cause", equalTo("PRICE"));

        String eventId = UUID.randomUUID().toString();
        CallCompleted call = new CallCompleted(UUID.randomUUID().toString(), d.id, d.customerId, "exec-7",
                CallOutcome.REACHED, "MISSING_FEATURES", WinBackChance.LOW, Instant.now(), "exec-7");
        String event = CloudEventEnvelope.write(eventId, EventSources.REVIEW_SCHEDULER, EventTypes.CALL_COMPLETED,
                d.customerId, Instant.now(), call, io.lossreview.contracts.ContractJson.mapper());
        analyzer.kafka().sendAll(Topics.LOSS_REVIEW, List.of(new String[] {d.customerId, event}, new String[] {d.customerId, event}));
        analyzer.awaitProcessed(CallCorrections.CONSUMER, List.of(eventId));

        analyzer.get("/defections/{id}", d.id).body("cause", equalTo("MISSING_FEATURES"))
                .body("causeSource", equalTo("CALL")).body("decidedBy", equalTo("exec-7"));
        analyzer.get("/months/2019-06/causes").body("causes[0].cause", equalTo("MISSING_FEATURES"))
                .body("causes[0].customers", equalTo(1));
    }
}
