package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.changed;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static io.lossreview.ingest.support.ChurnEvents.post;
import static io.lossreview.ingest.support.ChurnEvents.reactivation;
import static io.lossreview.ingest.support.ChurnEvents.started;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every billing fact lands in the subscription ledger once; an opening balance loads the base of a day. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class SubscriptionLedgerTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachBillingEventIsOneFactInTheLedger() throws SQLException {
        String c = newCustomer();
        var start = started(c, "sub_1", "100.00", "USD", "2025-01-05T09:00:00Z");
        var lapsed = cancellation(c, "sub_1", "160.00", "USD", "2025-03-01T09:00:00Z", "2025-03-31T23:59:59Z");
        ((com.fasterxml.jackson.databind.node.ObjectNode) lapsed.get("data")).put("voluntary", false); // failed payments
        post(start, changed(c, "sub_1", "160.00", "USD", "2025-02-05T09:00:00Z"), lapsed,
                reactivation(c, "sub_1", "2025-04-10T00:00:00Z"));
        post(start); // delivered twice: still one fact
        assertEquals(List.of(
                "START 2025-01-05T09:00:00Z 100.0000 USD 5",
                "CHANGE 2025-02-05T09:00:00Z 160.0000 USD 8",
                "END 2025-03-31T23:59:59Z 160.0000 USD 5 involuntary", // the involuntary churn rate counts it
                "REACTIVATE 2025-04-10T00:00:00Z null null null"), facts(c));
    }

    @Test
    void anOpeningBalanceLoadsTheActiveSubscriptionsOfADayAndALoadAgainReplacesThem() throws SQLException {
        String a = newCustomer();
        String b = newCustomer();
        String csv = "\uFEFFcustomerId,subscriptionId,mrr,currency,seats,plan,segment,region\n"
                + a + ",sub_1,250.00,USD,10,Team,MID_MARKET,EMEA\n"
                + a + ",sub_2,20,eur,,,,\n"
                + b + ",sub_1,99.5,GBP,1,Solo,smb,NA\n";
        given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/subscriptions/opening-balance?asOf=2025-01-01").then().log().ifValidationFails().statusCode(200).body("subscriptions", equalTo(3)).body("customers", equalTo(2));
        assertEquals(List.of("BALANCE 2025-01-01T00:00:00Z 250.0000 USD 10", "BALANCE 2025-01-01T00:00:00Z 20.0000 EUR 1"), facts(a));
        // The corrected file again: the same subscription and day replaces the first line.
        given().contentType("application/x-ndjson")
                .body(("{\"customerId\":\"" + a + "\",\"subscriptionId\":\"sub_1\",\"mrr\":\"300.00\",\"currency\":\"USD\"}\n")
                        .getBytes(StandardCharsets.UTF_8))
                .put("/subscriptions/opening-balance?asOf=2025-01-01").then().statusCode(200).body("subscriptions", equalTo(1));
        assertEquals(List.of("BALANCE 2025-01-01T00:00:00Z 300.0000 USD 1", "BALANCE 2025-01-01T00:00:00Z 20.0000 EUR 1"), facts(a));
    }

    @Test
    void aBadOpeningBalanceIsRefusedWholeWithEveryBadCell() throws SQLException {
        String a = newCustomer();
        String csv = "customerId,subscriptionId,mrr,currency\n"
                + a + ",sub_1,1e9,XYZ\n"
                + a + ",sub_2,10.00,USD\n"
                + a + ",sub_2,10.00,USD\n";
        given().contentType("text/csv").body(csv).put("/subscriptions/opening-balance?asOf=2025-01-01").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("line 2 mrr")).body("violations.field", hasItem("line 2 currency"))
                .body("violations.field", hasItem("line 4 subscriptionId")).body("violations.rule", hasItem("unique"));
        given().contentType("text/csv").body("customerId,subscriptionId,mrr,currency,colour\n" + a + ",s,1,USD,red\n")
                .put("/subscriptions/opening-balance?asOf=2025-01-01").then().statusCode(400)
                .body("violations[0].field", equalTo("line 2 colour")).body("violations[0].rule", equalTo("unknown-column"));
        given().contentType("text/csv").body("customerId,subscriptionId,mrr,currency\n" + a + ",s,1,USD\n")
                .put("/subscriptions/opening-balance?asOf=2999-01-01").then().statusCode(400)
                .body("violations[0].field", equalTo("asOf")).body("violations[0].rule", equalTo("not-future"));
        given().contentType("text/csv").body("customerId,subscriptionId,mrr,currency\n" + a + ",s,1,USD\n")
                .put("/subscriptions/opening-balance?asOf=01/01/2025").then().statusCode(400)
                .body("violations[0].field", equalTo("asOf"));
        given().contentType("application/x-ndjson").body(("{\"customerId\":\"" + a + "\",\"customerId\":\"x\"}\n[1]\n").getBytes(StandardCharsets.UTF_8))
                .put("/subscriptions/opening-balance?asOf=2025-01-01").then().statusCode(400)
                .body("violations.field", hasItem("line 1")).body("violations.field", hasItem("line 2"));
        assertEquals(List.of(), facts(a));
    }

    private List<String> facts(String customer) throws SQLException {
        List<String> facts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select kind, at, mrr_amount, mrr_currency, seats, voluntary from subscription_entry where customer_id = ?
                order by at, subscription_id""")) {
            ps.setString(1, customer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facts.add(rs.getString(1) + " " + rs.getTimestamp(2).toInstant() + " " + rs.getBigDecimal(3) + " "
                            + (rs.getString(4) == null ? null : rs.getString(4).strip()) + " " + rs.getObject(5)
                            + (rs.getObject(6) == null ? "" : rs.getBoolean(6) ? " voluntary" : " involuntary"));
                }
            }
        }
        return facts;
    }
}
