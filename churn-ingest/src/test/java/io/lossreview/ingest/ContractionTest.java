package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static io.lossreview.ingest.support.ChurnEvents.post;
import static io.lossreview.ingest.support.ChurnEvents.started;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A customer who cancels one of several subscriptions is a contraction, not a lost customer: no defection
 * is announced; cancelling the last one is the loss. The ledger decides, whatever order its facts arrive in.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class ContractionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void cancellingOneOfThreeIsAContractionAndTheLastOneTheLoss() {
        String c = newCustomer();
        post(started(c, "sub_1", "100.00", "USD", "2024-06-01T00:00:00Z"), started(c, "sub_2", "50.00", "USD", "2024-06-01T00:00:00Z"),
                started(c, "sub_3", "25.00", "USD", "2024-07-01T00:00:00Z"));
        post(cancellation(c, "sub_1", "100.00", "USD", "2025-01-10T10:00:00Z", null));
        post(cancellation(c, "sub_2", "50.00", "USD", "2025-01-20T10:00:00Z", null));
        assertEquals(List.of(), PublishedEvents.defections(dataSource, c), "contractions are no defection");
        post(cancellation(c, "sub_3", "25.00", "USD", "2025-02-01T10:00:00Z", null));
        DefectionChanged loss = PublishedEvents.latest(dataSource, c);
        assertEquals(DefectionStatus.LOST, loss.status());
        assertEquals(DefectionChange.RECORDED, loss.change());
        // The episode carries every subscription that ended in it (all three, within the correlation window).
        assertEquals(3, loss.subscriptions().size());
        assertEquals(new BigDecimal("175.00"), loss.value().mrr());
    }

    @Test
    void aLossAnnouncedBeforeTheBaseWasKnownIsWithdrawnWhenTheLedgerShowsAnotherSubscription() {
        String c = newCustomer();
        post(cancellation(c, "sub_1", "100.00", "USD", "2025-01-10T10:00:00Z", null)); // nothing known of c yet: a loss
        assertEquals(DefectionStatus.LOST, PublishedEvents.latest(dataSource, c).status());
        post(started(c, "sub_1", "100.00", "USD", "2024-06-01T00:00:00Z"), started(c, "sub_2", "50.00", "USD", "2024-06-01T00:00:00Z"));
        DefectionChanged withdrawn = PublishedEvents.latest(dataSource, c);
        assertEquals(DefectionStatus.CONTRACTION, withdrawn.status());
        assertEquals(DefectionChange.RECLASSIFIED, withdrawn.change());
        // sub_2's end arrives, dated before sub_1's: sub_1's end left nothing active after all.
        post(cancellation(c, "sub_2", "50.00", "USD", "2025-01-05T10:00:00Z", null));
        DefectionChanged lost = PublishedEvents.latest(dataSource, c);
        assertEquals(DefectionStatus.LOST, lost.status());
        assertEquals(2, lost.subscriptions().size());
        assertEquals(1, DefectionChanged.newestByDefection(PublishedEvents.defections(dataSource, c)).size(), "one episode");
    }

    @Test
    void anOpeningBalanceMakesTheBaseKnown() {
        String c = newCustomer();
        given().contentType("text/csv").body("customerId,subscriptionId,mrr,currency\n" + c + ",sub_1,80.00,USD\n" + c + ",sub_2,20.00,USD\n")
                .put("/subscriptions/opening-balance?asOf=2025-01-01").then().statusCode(200);
        post(cancellation(c, "sub_2", "20.00", "USD", "2025-03-03T10:00:00Z", null));
        assertEquals(List.of(), PublishedEvents.defections(dataSource, c));
        post(cancellation(c, "sub_1", "80.00", "USD", "2025-06-03T10:00:00Z", null)); // months later: an episode of its own
        DefectionChanged loss = PublishedEvents.latest(dataSource, c);
        assertEquals(DefectionStatus.LOST, loss.status());
        assertEquals(1, loss.subscriptions().size());
        assertEquals(new BigDecimal("80.00"), loss.value().mrr());
    }

    @Test
    void anOpeningBalanceLoadedAfterTheCancellationWithdrawsTheLoss() {
        String c = newCustomer();
        post(cancellation(c, "sub_2", "20.00", "USD", "2025-03-03T10:00:00Z", null)); // nothing known of c yet: a loss
        assertEquals(DefectionStatus.LOST, PublishedEvents.latest(dataSource, c).status());
        given().contentType("text/csv").body("customerId,subscriptionId,mrr,currency\n" + c + ",sub_1,80.00,USD\n" + c + ",sub_2,20.00,USD\n")
                .put("/subscriptions/opening-balance?asOf=2025-01-01").then().statusCode(200)
                .body("customers", org.hamcrest.Matchers.is(1)).body("reclassified", org.hamcrest.Matchers.is(1));
        DefectionChanged withdrawn = PublishedEvents.latest(dataSource, c);
        assertEquals(DefectionStatus.CONTRACTION, withdrawn.status());
        assertEquals(DefectionChange.RECLASSIFIED, withdrawn.change());
    }
}
