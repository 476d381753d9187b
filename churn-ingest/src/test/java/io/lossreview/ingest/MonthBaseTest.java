package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static io.lossreview.ingest.support.ChurnEvents.post;
import static io.lossreview.ingest.support.ChurnEvents.started;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.ingest.base.BaseAnnouncer;
import io.lossreview.ingest.support.PublishedEvents;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The month base measured from the ledger is announced on loss.base once per change. Its own database: it counts every customer. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_base_test"))
class MonthBaseTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BaseAnnouncer announcer;

    @Test
    void theBaseOfAMonthIsAnnouncedWhenItChangesAndOnlyThen() {
        String a = newCustomer();
        String b = newCustomer();
        given().contentType("text/csv").body("customerId,subscriptionId,mrr,currency\n" + a + ",a1,100.00,USD\n"
                + b + ",b1,200.00,USD\n" + b + ",b2,50.00,USD\n").put("/subscriptions/opening-balance?asOf=2025-01-01")
                .then().statusCode(200);
        String c = newCustomer();
        post(cancellation(a, "a1", "100.00", "USD", "2025-02-01T10:00:00Z", "2025-02-10T00:00:00Z"),
                cancellation(b, "b2", "50.00", "USD", "2025-02-05T00:00:00Z", null),
                started(c, "c1", "70.00", "USD", "2025-02-08T00:00:00Z"),
                cancellation(newCustomer(), "x1", "10.00", "USD", "2025-02-11T00:00:00Z", null)); // nothing known of it

        List<YearMonth> announced = announcer.measureIfChanged();
        assertTrue(announced.contains(YearMonth.of(2025, 2)), announced.toString());
        MonthBase feb = latest("2025-02");
        assertTrue(feb.known());
        assertEquals(new MonthBase.Customers(2, 1, 0, 1, 1, 1, 2), feb.customers());
        assertEquals(List.of("350.00", "70.00", "0.00", "50.00", "100.00", "0.00", "270.00"),
                List.of(feb.mrr().atStart(), feb.mrr().added(), feb.mrr().expansion(), feb.mrr().contraction(), feb.mrr().churned(),
                        feb.mrr().reactivation(), feb.mrr().atEnd()).stream().map(BigDecimal::toPlainString).toList());
        assertEquals(1, feb.unknownBaseLosses());
        assertEquals(new BigDecimal("0.500000"), feb.customerChurnRate());

        assertEquals(List.of(), announcer.measureIfChanged(), "nothing changed: nothing announced");
        post(started(b, "b3", "30.00", "USD", "2025-03-15T00:00:00Z"));
        assertEquals(List.of(YearMonth.of(2025, 3)), announcer.measureIfChanged().stream()
                .filter(m -> m.isBefore(YearMonth.of(2025, 4))).toList(), "only March (and the months after it) moved");
    }

    private MonthBase latest(String month) {
        List<JsonNode> events = PublishedEvents.envelopes(dataSource, "loss.base", month);
        return ContractJson.mapper().convertValue(events.get(events.size() - 1).get("data"), MonthBase.class);
    }
}
