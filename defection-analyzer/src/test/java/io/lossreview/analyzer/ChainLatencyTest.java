package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.change.DefectionIntake;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.Topics;
import io.lossreview.messaging.OutboxRelay;
import io.lossreview.testing.LocalStackResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The chain's latency: a defection event names when the inbound event behind it was published (churn-ingest's relay
 * sets the origin-time header), and the analyzer measures from it to its own commit (loss.chain.latency).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class ChainLatencyTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    @Test
    void theLatencyIsMeasuredFromTheOriginTimeAndNonsenseHeadersAreIgnored() {
        Timer chain = registry.find("loss.chain.latency").tag("consumer", DefectionIntake.CONSUMER).timer();
        long before = chain == null ? 0 : chain.count();
        AnalyzerClient analyzer = new AnalyzerClient(prefix, dataSource);
        DefectionBuilder published = defection("2019-04");
        DefectionBuilder nonsense = defection("2019-04");
        String id1 = UUID.randomUUID().toString();
        String id2 = UUID.randomUUID().toString();
        long origin = System.currentTimeMillis() - 90_000;
        analyzer.kafka().send(Topics.LOSS_DEFECTIONS, published.customerId, published.event(id1),
                OutboxRelay.ORIGIN_TIME_HEADER, Long.toString(origin));
        analyzer.kafka().send(Topics.LOSS_DEFECTIONS, nonsense.customerId, nonsense.event(id2),
                OutboxRelay.ORIGIN_TIME_HEADER, "yesterday");
        analyzer.awaitProcessed(DefectionIntake.CONSUMER, List.of(id1, id2));

        // Measured once the offsets are committed, just after the database commit the inbox shows.
        long deadline = System.currentTimeMillis() + 10_000;
        do {
            chain = registry.find("loss.chain.latency").tag("consumer", DefectionIntake.CONSUMER).timer();
        } while ((chain == null || chain.count() <= before) && System.currentTimeMillis() < deadline && pause());
        assertEquals(before + 1, chain.count(), "one record had an origin time; the nonsense one is not counted");
        assertTrue(chain.max(TimeUnit.SECONDS) >= 90, "measured from the origin, 90 s before: " + chain.max(TimeUnit.SECONDS));
        Timer age = registry.find("loss.consumer.record.age").tag("consumer", DefectionIntake.CONSUMER).timer();
        assertTrue(age.count() >= 2, "every record's age is measured");
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
