package io.lossreview.analyzer.contract;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.change.DefectionIntake;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.analysis.view.Breakdown;
import io.lossreview.contracts.analysis.view.PacketInputs;
import io.lossreview.contracts.analysis.view.RankedCause;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The packet's one read is one snapshot: while defections of the month keep being committed, every
 * answer's sections still agree with each other (summary, ranking, breakdowns, trend and the list of
 * defections). Read in separate transactions, they drift apart within a few reads.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class PacketInputsConsistencyTest {

    private static final String MONTH = "2019-06";
    private static final String[] CODES = {"too_expensive", "customer_service", "switched_service", "missing_features"};

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void sectionsOfOneAnswerAgreeWhileDefectionsArrive() {
        AnalyzerClient analyzer = new AnalyzerClient(prefix, dataSource);
        List<String> eventIds = new ArrayList<>();
        List<List<String[]>> batches = new ArrayList<>();
        for (int b = 0; b < 60; b++) {
            List<String[]> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                DefectionBuilder d = defection(MONTH).reason(CODES[(b + i) % CODES.length], null, null, null, null)
                        .mrr((100 + b) + ".00").region(i % 2 == 0 ? "EMEA" : "NA");
                String id = UUID.randomUUID().toString();
                eventIds.add(id);
                batch.add(new String[] {d.customerId, d.event(id)});
            }
            batches.add(batch);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (List<String[]> batch : batches) {
                analyzer.kafka().sendAll(Topics.LOSS_DEFECTIONS, batch);
                sleep(15);
            }
        });
        int reads = 0;
        int grown = 0;
        int last = -1;
        while (!writer.isDone() || reads < 20) {
            PacketInputs in = read(analyzer);
            assertConsistent(in);
            reads++;
            grown += in.summary().customers() > last ? 1 : 0;
            last = in.summary().customers();
        }
        writer.join();
        analyzer.awaitProcessed(DefectionIntake.CONSUMER, eventIds);
        assertConsistent(read(analyzer));
        assertTrue(grown >= 3, "the month must have grown while it was read (" + grown + " of " + reads + " reads saw it grow)");
    }

    private static void assertConsistent(PacketInputs in) {
        int customers = in.summary().customers();
        BigDecimal arr = in.summary().arrLost();
        String at = " (summary: " + customers + " customers, " + arr + ")";
        assertEquals(customers, in.causes().causes().stream().mapToInt(RankedCause::customers).sum(), "ranking" + at);
        assertEquals(0, arr.compareTo(in.causes().causes().stream().map(RankedCause::arrLost)
                .reduce(BigDecimal.ZERO, BigDecimal::add)), "ranking's ARR" + at);
        assertEquals(customers, buckets(in.bySegment()), "segments" + at);
        assertEquals(customers, buckets(in.byRegion()), "regions" + at);
        assertEquals(customers, in.trend().causes().stream()
                .mapToInt(s -> s.months().get(s.months().size() - 1).customers()).sum(), "trend's last month" + at);
        assertEquals(customers, in.defectionCauses().size(), "defections listed" + at);
    }

    private static PacketInputs read(AnalyzerClient analyzer) {
        String body = analyzer.get("/months/" + MONTH + "/packet-inputs").statusCode(200).extract().asString();
        try {
            return ContractJson.mapper().readValue(body, PacketInputs.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not a PacketInputs: " + body, e);
        }
    }

    private static int buckets(Breakdown b) {
        return b.buckets().stream().mapToInt(Breakdown.Bucket::customers).sum();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
