package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.Segment;
import io.lossreview.contracts.Topics;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every figure of a month's analysis against numbers worked out by hand (2021-01..04, see the
 * comments). The causes come from billing reason codes, so the classifier is not what is tested here.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class MonthFiguresTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    AnalyzerClient analyzer;

    private static DefectionBuilder lost(String month, String code, String mrr) {
        return defection(month).reason(code, null, null, null, null).mrr(mrr);
    }

    @BeforeAll
    void publishFourMonths() {
        analyzer = new AnalyzerClient(prefix, dataSource);
        List<DefectionBuilder> all = new ArrayList<>(List.of(
                lost("2021-01", "customer_service", "100.00"),                     // SUPPORT 1200
                lost("2021-02", "too_expensive", "200.00"),                        // PRICE 2400
                lost("2021-03", "too_expensive", "100.00"),                        // PRICE 1200
                lost("2021-03", "customer_service", "50.00"),                      // SUPPORT 600
                // April: A..F
                lost("2021-04", "too_expensive", "100.00").seats(2),               // A PRICE 1200, 1-2y
                lost("2021-04", "too_expensive", "300.00").seats(5).segment(Segment.ENTERPRISE)
                        .region("NA").plan("enterprise").tenureMonths(30),         // B PRICE 3600, ltv 9000
                lost("2021-04", "customer_service", "200.00").region("NA").tenureMonths(3), // C SUPPORT 2400, ltv 600
                lost("2021-04", null, "50.00").voluntary(false).plan("basic").tenureMonths(70), // D INVOLUNTARY 600, ltv 3500
                lost("2021-04", "switched_service", "1.00").pending().seats(3)
                        .segment(Segment.MID_MARKET).tenureMonths(null),          // E COMPETITOR, unvalued
                lost("2021-04", "too_expensive", "80.00").wonBack(true)));         // F won back, 960
        analyzer.publish(all.toArray(DefectionBuilder[]::new));
    }

    @Test
    void summaryAddsUpTheMonthAndComparesItWithThePriorMonths() {
        analyzer.get("/months/2021-04/summary").statusCode(200)
                .body("taxonomyVersion", equalTo(1))
                .body("customers", equalTo(5)).body("seats", equalTo(12))
                .body("mrrLost", equalTo("650.00")).body("arrLost", equalTo("7800.00"))
                .body("lifetimeValueLost", equalTo("14300.00"))
                .body("unvalued", equalTo(1)).body("wonBack", equalTo(1)).body("wonBackArr", equalTo("960.00"))
                .body("voluntary.customers", equalTo(4)).body("voluntary.arrLost", equalTo("7200.00"))
                .body("involuntary.customers", equalTo(1)).body("involuntary.arrLost", equalTo("600.00"))
                // March: 2 customers, 1800 ARR
                .body("vsPriorMonth.customers", equalTo("3")).body("vsPriorMonth.arrLost", equalTo("6000.00"))
                .body("vsPriorMonth.arrLostPercent", equalTo("333.3"))
                // Jan..Mar: (1 + 1 + 2) / 3 customers, (1200 + 2400 + 1800) / 3 ARR
                .body("vsTrailing3Months.referenceCustomers", equalTo("1.33"))
                .body("vsTrailing3Months.referenceArrLost", equalTo("1800.00"))
                .body("vsTrailing3Months.customers", equalTo("3.67"))
                .body("vsTrailing3Months.arrLostPercent", equalTo("333.3"));
    }

    @Test
    void causesRankByArrWithSharesParetoAndChanges() {
        analyzer.get("/months/2021-04/causes").statusCode(200)
                .body("rankedBy", equalTo("arr"))
                .body("causes.cause", contains("PRICE", "SUPPORT", "INVOLUNTARY", "COMPETITOR"))
                .body("causes.rank", contains(1, 2, 3, 4))
                .body("causes.customers", contains(2, 1, 1, 1))
                .body("causes.arrLost", contains("4800.00", "2400.00", "600.00", "0.00"))
                .body("causes.shareOfValue", contains("0.6154", "0.3077", "0.0769", "0.0000"))
                .body("causes.shareOfVolume", contains("0.4000", "0.2000", "0.2000", "0.2000"))
                .body("causes.cumulativeShare", contains("0.6154", "0.9231", "1.0000", "1.0000"))
                .body("causes[0].label", equalTo("Price"))
                .body("causes[0].wonBack", equalTo(1))
                .body("causes[3].unvalued", equalTo(1))
                // PRICE: March 1 customer / 1200; Jan..Mar average 0.67 customers / 1200
                .body("causes[0].vsPriorMonth.customers", equalTo("1")).body("causes[0].vsPriorMonth.arrLost", equalTo("3600.00"))
                .body("causes[0].vsPriorMonth.arrLostPercent", equalTo("300.0"))
                .body("causes[0].vsTrailing3Months.referenceCustomers", equalTo("0.67"))
                .body("causes[0].vsTrailing3Months.referenceArrLost", equalTo("1200.00"))
                .body("causes[2].vsPriorMonth.arrLostPercent", nullValue())
                .body("causes[0].last12Months", hasSize(12))
                .body("causes[0].last12Months[8].month", equalTo("2021-01"))
                .body("causes[0].last12Months.arrLost", contains("0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
                        "0.00", "0.00", "0.00", "2400.00", "1200.00", "4800.00"));
    }

    @Test
    void otherRankingsBreakTiesByArrThenCode() {
        analyzer.get("/months/2021-04/causes?rankBy=customers").statusCode(200)
                .body("causes.cause", contains("PRICE", "SUPPORT", "INVOLUNTARY", "COMPETITOR"))
                .body("causes.cumulativeShare", contains("0.4000", "0.6000", "0.8000", "1.0000"));
        // composite = (share of ARR + share of customers) / 2: 0.5077, 0.2538, 0.1385, 0.1000
        analyzer.get("/months/2021-04/causes?rankBy=composite").statusCode(200)
                .body("causes.cause", contains("PRICE", "SUPPORT", "INVOLUNTARY", "COMPETITOR"))
                .body("causes.cumulativeShare", contains("0.5077", "0.7615", "0.9000", "1.0000"));
    }

    @Test
    void breakdownsBySegmentTenureAndKind() {
        analyzer.get("/months/2021-04/breakdown?by=segment").statusCode(200)
                .body("buckets.bucket", contains("SMB", "ENTERPRISE", "MID_MARKET"))
                .body("buckets.customers", contains(3, 1, 1))
                .body("buckets.arrLost", contains("4200.00", "3600.00", "0.00"))
                .body("buckets.wonBack", contains(1, 0, 0))
                .body("buckets[0].causes.cause", contains("SUPPORT", "PRICE", "INVOLUNTARY"));
        analyzer.get("/months/2021-04/breakdown?by=tenure").statusCode(200)
                .body("buckets.bucket", contains("2-5y", "0-6m", "1-2y", "5y+", "UNKNOWN"));
        analyzer.get("/months/2021-04/breakdown?by=voluntary").statusCode(200)
                .body("buckets.bucket", contains("VOLUNTARY", "INVOLUNTARY"));
        analyzer.get("/months/2021-04/breakdown?by=plan").statusCode(200)
                // pro (A, C, E) and enterprise (B) tie at 3600 ARR: more customers first
                .body("buckets.bucket", contains("pro", "enterprise", "basic"));
    }

    @Test
    void packetInputsListEveryDefectionOfTheMonthWithItsCause() {
        analyzer.get("/months/2021-04/packet-inputs").statusCode(200)
                .body("trendFrom", equalTo("2020-05"))
                .body("summary.customers", equalTo(5))
                .body("topCauses", contains("PRICE", "SUPPORT", "INVOLUNTARY", "COMPETITOR")) // E: unvalued, still a loss
                .body("defectionCauses.size()", equalTo(6)) // the won-back one too: its call is still worth making
                .body("defectionCauses.findAll { it.cause == 'PRICE' }.size()", equalTo(3));
        analyzer.get("/months/2021-04/packet-inputs?trendFrom=2021-05").statusCode(400)
                .body("violations[0].field", equalTo("trendFrom"));
    }

    @Test
    void trendHasEveryMonthOfTheRange() {
        analyzer.get("/trends?from=2021-01&to=2021-04&cause=support").statusCode(200)
                .body("causes", hasSize(1)).body("causes[0].cause", equalTo("SUPPORT"))
                .body("causes[0].months.customers", contains(1, 0, 1, 1))
                .body("causes[0].months.arrLost", contains("1200.00", "0.00", "600.00", "2400.00"));
    }

    @Test
    void theMonthIsAnnouncedOnLossAnalysis() {
        // Announcements go out every few seconds: one may fall between two of the setup's batches and
        // carry part of the month, so wait for the one made after all six defections were applied.
        var records = analyzer.kafka().await(Topics.LOSS_ANALYSIS, 1,
                r -> "2021-04".equals(r.key()) && data(r).get("customers").asInt() == 5, Duration.ofSeconds(30));
        JsonNode data = data(records.get(0)); // await fails unless the month is announced with all five customers
        assertEquals("7800.00", data.get("arrLost").asText());
        assertEquals("PRICE", data.get("topCauses").get(0).get("cause").asText());
    }

    private static JsonNode data(ConsumerRecord<String, String> announcement) {
        try {
            return ContractJson.mapper().readTree(announcement.value()).get("data");
        } catch (JsonProcessingException e) {
            throw new AssertionError("an announcement that is not JSON: " + announcement.value(), e);
        }
    }

    @Test
    void malformedParametersAreProblems() {
        analyzer.get("/months/2021-13/summary").statusCode(400).body("violations[0].field", equalTo("month"));
        analyzer.get("/months/april/causes").statusCode(400).body("violations[0].rule", equalTo("yyyy-MM"));
        analyzer.get("/months/2021-04/causes?rankBy=vibes").statusCode(400).body("violations[0].field", equalTo("rankBy"));
        analyzer.get("/months/2021-04/breakdown?by=colour").statusCode(400).body("violations[0].rule", equalTo("one-of"));
        analyzer.get("/trends?from=2021-05&to=2021-01").statusCode(400).body("violations[0].field", equalTo("from"));
        analyzer.get("/trends?from=2001-01&to=2021-01").statusCode(400).body("violations[0].rule", equalTo("max-range"));
        analyzer.get("/defections?size=5000").statusCode(400);
        // A parameter the route does not take is refused, never silently ignored (it would answer another question).
        analyzer.get("/defections?customerId=cus_1").statusCode(400).body("violations[0].field", equalTo("customerId"))
                .body("violations[0].rule", equalTo("unknown-parameter")).body("violations[0].message", containsString("size"));
        analyzer.get("/months/2021-04/summary?month=2021-05").statusCode(400).body("violations[0].field", equalTo("month"))
                .body("violations[0].message", equalTo("this route takes no query parameter"));
        analyzer.get("/defections/not-a-uuid").statusCode(400).body("violations[0].rule", equalTo("uuid"));
        analyzer.get("/defections/" + java.util.UUID.randomUUID()).statusCode(404);
    }
}
