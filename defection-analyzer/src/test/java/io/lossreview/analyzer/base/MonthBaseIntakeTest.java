package io.lossreview.analyzer.base;

import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.ContractExamples;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.EventSources;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** loss.base is kept per month (the newest measurement wins) and answered with its rates. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class MonthBaseIntakeTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theNewestMeasurementOfAMonthIsAnsweredWithItsRates() throws Exception {
        AnalyzerClient analyzer = new AnalyzerClient(prefix, dataSource);
        MonthBase recorded = ContractJson.mapper().treeToValue(
                ContractExamples.data(EventTypes.MONTH_BASE_MEASURED, "2025-02"), MonthBase.class);
        MonthBase newer = recorded.at(recorded.measuredAt().plusSeconds(60));
        MonthBase older = new MonthBase(recorded.month(), false, null, recorded.customers(), recorded.mrr(), 0, List.of(),
                List.of(), List.of(), Instant.parse("2025-03-01T00:00:00Z"));
        String newerId = send(analyzer, newer);
        String olderId = send(analyzer, older); // arrives last, measured first: changes nothing
        analyzer.awaitProcessed(MonthBases.CONSUMER, List.of(newerId, olderId));
        analyzer.get("/months/2025-02/base")
                .body("base.customers.atStart", equalTo(5)).body("base.known", equalTo(true))
                .body("rates.customerChurn", equalTo("0.600000")).body("rates.grossMrrChurn", equalTo("0.737500"))
                .body("rates.netMrrChurn", equalTo("0.606250")).body("rates.voluntaryChurn", equalTo("0.400000"));
        analyzer.get("/months/2025-02/base").body("rates.involuntaryChurn", equalTo("0.200000"));
        given().get("/months/1999-02/base").then().statusCode(400);
        given().get("/months/2031-02/base").then().statusCode(404).body("detail", containsString("2031-02"));
    }

    @Test
    void theSummaryRankingBreakdownAndTrendSayOutOfHowMany() throws Exception {
        AnalyzerClient analyzer = new AnalyzerClient(prefix, dataSource);
        MonthBase base = ContractJson.mapper().treeToValue(ContractExamples.data(EventTypes.MONTH_BASE_MEASURED, "2025-02"),
                MonthBase.class).at(Instant.parse("2025-03-06T00:00:00Z"));
        analyzer.awaitProcessed(MonthBases.CONSUMER, List.of(send(analyzer, base)));
        analyzer.publish(DefectionBuilder.defection("2025-02").segment(Segment.SMB).mrr("100.00"));
        analyzer.get("/months/2025-02/summary").body("base.base.customers.atStart", equalTo(5))
                .body("base.rates.customerChurn", equalTo("0.600000"));
        // Each cause's losses out of the 5 customers at the start, its MRR out of the 800.00 at the start.
        List<Map<String, Object>> causes = analyzer.get("/months/2025-02/causes").extract().jsonPath().getList("causes");
        assertFalse(causes.isEmpty());
        for (Map<String, Object> c : causes) {
            assertEquals(share((Integer) c.get("customers"), 5), new BigDecimal((String) c.get("customersShareOfBase")), c.toString());
            assertEquals(new BigDecimal((String) c.get("mrrLost")).divide(new BigDecimal("800.00"), 6, RoundingMode.HALF_EVEN),
                    new BigDecimal((String) c.get("arrShareOfBase")), c.toString());
        }
        // SMB had 1 customer at the start; a bucket the base does not know has no rate.
        Map<String, Object> smb = analyzer.get("/months/2025-02/breakdown?by=segment").extract().jsonPath()
                .getMap("buckets.find { it.bucket == 'SMB' }");
        assertEquals(1, smb.get("customersAtStart"));
        assertEquals(share((Integer) smb.get("customers"), 1), new BigDecimal((String) smb.get("shareOfBase")));
        analyzer.get("/months/2025-02/breakdown?by=tenure").body("buckets.customersAtStart.findAll { it != null }", empty());
        analyzer.get("/trends?from=2025-01&to=2025-03").body("rates.month", contains("2025-01", "2025-02", "2025-03"))
                .body("rates[1].known", equalTo(true)).body("rates[1].customersAtStart", equalTo(5))
                .body("rates[1].customersLost", equalTo(3)).body("rates[1].customerChurn", equalTo("0.600000"))
                .body("rates[1].grossMrrChurn", equalTo("0.737500"));
        analyzer.get("/trends?from=2031-01&to=2031-02").body("rates.known", contains(false, false))
                .body("rates[0].customerChurn", nullValue());
    }

    private static BigDecimal share(int part, int whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_EVEN);
    }

    private static String send(AnalyzerClient analyzer, MonthBase base) throws Exception {
        CloudEventEnvelope event = CloudEventEnvelope.create(EventSources.CHURN_INGEST, EventTypes.MONTH_BASE_MEASURED,
                base.month().toString(), base);
        analyzer.kafka().send(Topics.LOSS_BASE, base.month().toString(), ContractJson.mapper().writeValueAsString(event));
        return event.id();
    }
}
