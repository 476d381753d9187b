package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.analysis.MonthTotals;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.Segment;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The invariant: after a randomized stream (revisions out of order, moves between months, value
 * changes, win-backs, redeliveries, people's re-causes in between), every month's incrementally kept
 * totals equal a recomputation from the stored defections (2023-01..06).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class IncrementalInvariantTest {

    private static final String[] MONTHS = {"2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"};
    private static final String[] CODES = {"too_expensive", "missing_features", "low_quality", "customer_service",
            "too_complex", "switched_service", "unused", null};
    private static final String[] CAUSES = {"PRICE", "SUPPORT", "COMPETITOR", "OTHER"};

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MonthTotals totals;

    @Test
    void incrementalTotalsEqualARecomputationAfterARandomStream() {
        AnalyzerClient analyzer = new AnalyzerClient(prefix, dataSource);
        Random random = new Random(20231);
        List<String[]> records = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        Map<String, Integer> finalCustomers = new HashMap<>();
        List<DefectionBuilder> defections = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            DefectionBuilder d = defection(MONTHS[random.nextInt(MONTHS.length)]);
            defections.add(d);
            int revisions = 1 + random.nextInt(4);
            String finalMonth = null;
            boolean finalWonBack = false;
            for (int r = 1; r <= revisions; r++) {
                String month = MONTHS[random.nextInt(MONTHS.length)];
                boolean wonBack = random.nextInt(10) == 0;
                d.revision(r).month(month).wonBack(wonBack).voluntary(random.nextInt(8) != 0)
                        .seats(1 + random.nextInt(20)).segment(Segment.values()[random.nextInt(3)])
                        .region(random.nextBoolean() ? "EMEA" : "NA").tenureMonths(random.nextInt(5) == 0 ? null : random.nextInt(90))
                        .reason(CODES[random.nextInt(CODES.length)], null, null, null, null);
                if (random.nextInt(6) == 0) {
                    d.pending();
                } else {
                    d.mrr(random.nextInt(100000) / 100 + "." + String.format("%02d", random.nextInt(100)));
                }
                String id = UUID.randomUUID().toString();
                String event = d.event(id);
                records.add(new String[] {d.customerId, event});
                eventIds.add(id);
                if (random.nextInt(20) == 0) {
                    records.add(new String[] {d.customerId, event}); // redelivery
                }
                finalMonth = month;
                finalWonBack = wonBack;
            }
            if (!finalWonBack) {
                finalCustomers.merge(finalMonth, 1, Integer::sum);
            }
        }
        Collections.shuffle(records, random); // revisions arrive in any order
        int half = records.size() / 2;
        analyzer.kafka().sendAll(io.lossreview.contracts.Topics.LOSS_DEFECTIONS, records.subList(0, half));
        // People re-cause some defections while the rest of the stream is still arriving.
        analyzer.awaitProcessed(io.lossreview.analyzer.change.DefectionIntake.CONSUMER,
                records.subList(0, half).stream().map(r -> idOf(r[1])).toList());
        for (int i = 0; i < 40; i++) {
            DefectionBuilder d = defections.get(random.nextInt(defections.size()));
            int status = analyzer.setCause(d.id, CAUSES[random.nextInt(CAUSES.length)], "ops.inv").extract().statusCode();
            if (status != 200 && status != 404) {
                throw new AssertionError("re-cause answered " + status);
            }
        }
        analyzer.kafka().sendAll(io.lossreview.contracts.Topics.LOSS_DEFECTIONS, records.subList(half, records.size()));
        analyzer.awaitProcessed(io.lossreview.analyzer.change.DefectionIntake.CONSUMER, eventIds);

        for (String m : MONTHS) {
            YearMonth month = YearMonth.parse(m);
            assertEquals(totals.recomputed(month), totals.stored(month), "totals of " + m);
            analyzer.get("/months/" + m + "/summary").statusCode(200)
                    .body("customers", org.hamcrest.Matchers.equalTo(finalCustomers.getOrDefault(m, 0)));
        }
        analyzer.get("/months/2023-03/summary"); // served from the same rows the assertion compared
        io.restassured.RestAssured.given().post("/admin/months/2023-03/rebuild").then().statusCode(200)
                .body("driftedRows", org.hamcrest.Matchers.equalTo(0));
    }

    private static String idOf(String event) {
        int start = event.indexOf("\"id\":\"") + 6;
        return event.substring(start, event.indexOf('"', start));
    }
}
