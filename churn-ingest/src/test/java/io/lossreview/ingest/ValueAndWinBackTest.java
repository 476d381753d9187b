package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.post;
import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static io.lossreview.ingest.support.ChurnEvents.reactivation;
import static io.lossreview.ingest.support.ChurnEvents.started;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.defection.DefectionChange;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.DefectionStatus;
import io.lossreview.ingest.support.PublishedEvents;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** FX conversion with dated rates, the pending-rate path, and win-backs in both arrival orders. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class ValueAndWinBackTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void convertsWithTheRateValidOnTheLossDate() {
        given().contentType("text/csv").body("date,currency,rate\n2025-08-01,GBP,1.250000\n2025-08-15,GBP,1.300000\n")
                .put("/fx-rates").then().statusCode(200).body("loaded", equalTo(2));
        String c = newCustomer();
        // Loss date 2025-08-20: the 2025-08-15 rate applies. 99.99 x 1.3 = 129.987 -> 129.99
        post(cancellation(c, "sub_1", "99.99", "GBP", "2025-08-10T10:00:00Z", "2025-08-20T10:00:00Z"));
        DefectionChanged d = PublishedEvents.latest(dataSource, c);
        assertEquals(new BigDecimal("129.99"), d.value().mrr());
        assertEquals(new BigDecimal("1559.88"), d.value().arr());
        assertEquals("USD", d.value().reportingCurrency());
    }

    @Test
    void aCurrencyWithoutRateIsKeptPendingAndValuedWhenTheRateArrives() {
        String c = newCustomer();
        post(cancellation(c, "sub_1", "1000.00", "SEK", "2025-09-03T10:00:00Z", null));
        DefectionChanged pending = PublishedEvents.latest(dataSource, c);
        assertEquals(true, pending.value().valuePending());
        assertNull(pending.value().mrr());

        given().contentType("text/csv").body("date,currency,rate\n2025-09-01,SEK,0.095\n").put("/fx-rates")
                .then().statusCode(200);
        DefectionChanged valued = PublishedEvents.latest(dataSource, c);
        assertEquals(DefectionChange.VALUED, valued.change());
        assertEquals(pending.revision() + 1, valued.revision());
        assertEquals(new BigDecimal("95.00"), valued.value().mrr());
        assertEquals(false, valued.value().valuePending());
    }

    @Test
    void badRatesAreRefusedLineByLine() {
        given().contentType("text/csv").body("date,currency,rate\n2025-13-01,GBP,1.2\n2025-01-01,XYZ,-1\n")
                .put("/fx-rates").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("line 2 date", "line 3 currency", "line 3 rate"));
    }

    @Test
    void aReactivationWithinNinetyDaysWinsTheCustomerBack() {
        String c = newCustomer();
        post(cancellation(c, "sub_1", "10.00", "USD", "2025-03-01T00:00:00Z", "2025-03-31T00:00:00Z"));
        post(reactivation(c, "sub_1", "2025-06-28T00:00:00Z")); // 89 days after the loss
        DefectionChanged d = PublishedEvents.latest(dataSource, c);
        assertEquals(DefectionStatus.WON_BACK, d.status());
        assertEquals(DefectionChange.WON_BACK, d.change());
        assertEquals(Instant.parse("2025-06-28T00:00:00Z"), d.wonBackAt());
    }

    @Test
    void aReactivationAfterNinetyDaysIsNotAWinBack() {
        String c = newCustomer();
        post(cancellation(c, "sub_1", "10.00", "USD", "2025-03-01T00:00:00Z", "2025-03-31T00:00:00Z"));
        post(reactivation(c, "sub_1", "2025-07-01T00:00:00Z")); // 92 days
        assertEquals(1, PublishedEvents.defections(dataSource, c).size());
        assertEquals(DefectionStatus.LOST, PublishedEvents.latest(dataSource, c).status());
    }

    @Test
    void aReactivationThatArrivesBeforeItsCancellationStillWinsBack() {
        String c = newCustomer();
        post(reactivation(c, "sub_1", "2025-04-15T00:00:00Z"));
        assertEquals(0, PublishedEvents.defections(dataSource, c).size());
        post(cancellation(c, "sub_1", "10.00", "USD", "2025-03-01T00:00:00Z", "2025-03-31T00:00:00Z"));
        DefectionChanged d = PublishedEvents.latest(dataSource, c);
        assertEquals(DefectionStatus.WON_BACK, d.status());
        assertEquals(1, d.revision());
    }

    @Test
    void aSecondSubscriptionCancelledBeforeTheWinBackButProcessedAfterItJoinsTheWonBackEpisode() {
        String c = newCustomer();
        post(cancellation(c, "sub_1", "10.00", "USD", "2025-03-01T00:00:00Z", "2025-03-31T00:00:00Z"));
        post(reactivation(c, "sub_1", "2025-04-20T00:00:00Z"));
        post(cancellation(c, "sub_2", "5.00", "USD", "2025-03-05T00:00:00Z", "2025-03-31T00:00:00Z"));
        post(cancellation(c, "sub_3", "7.00", "USD", "2025-04-25T00:00:00Z", null)); // after the win-back
        var published = PublishedEvents.defections(dataSource, c);
        assertEquals(2, published.stream().map(DefectionChanged::defectionId).distinct().count());
        DefectionChanged wonBack = published.stream().filter(d -> d.subscriptions().size() == 2).findFirst().orElseThrow();
        assertEquals(DefectionStatus.WON_BACK, wonBack.status());
        assertEquals(new BigDecimal("15.00"), wonBack.value().mrr());
        assertEquals(DefectionStatus.LOST, PublishedEvents.latest(dataSource, c).status());
    }

    /** A new subscription soon after the loss wins the customer back like a reactivation, whichever arrives first. */
    @Test
    void aNewSubscriptionWinsTheLossBackInBothArrivalOrders() {
        String c = newCustomer();
        post(cancellation(c, "sub_1", "40.00", "USD", "2025-05-02T10:00:00Z", null));
        post(started(c, "sub_2", "35.00", "USD", "2025-06-10T00:00:00Z"));
        DefectionChanged d = PublishedEvents.latest(dataSource, c);
        assertEquals(DefectionStatus.WON_BACK, d.status());
        assertEquals(Instant.parse("2025-06-10T00:00:00Z"), d.wonBackAt());

        String early = newCustomer();
        post(started(early, "sub_9", "35.00", "USD", "2025-06-10T00:00:00Z"));
        post(cancellation(early, "sub_1", "40.00", "USD", "2025-05-02T10:00:00Z", null));
        assertEquals(DefectionStatus.WON_BACK, PublishedEvents.latest(dataSource, early).status());
    }

    /** A start wins back one loss only, though it falls within the win-back window of two. */
    @Test
    void aStartWinsBackOnce() {
        String c = newCustomer();
        post(cancellation(c, "sub_1", "40.00", "USD", "2025-03-01T10:00:00Z", null));
        post(cancellation(c, "sub_2", "30.00", "USD", "2025-04-16T10:00:00Z", null)); // 46 days on: a second episode
        post(started(c, "sub_3", "35.00", "USD", "2025-04-20T00:00:00Z"));
        var newest = DefectionChanged.newestByDefection(PublishedEvents.defections(dataSource, c)).values();
        assertEquals(2, newest.size());
        assertEquals(1, newest.stream().filter(d -> d.status() == DefectionStatus.WON_BACK).count());
    }
}
