package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.accountChurned;
import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static io.lossreview.ingest.support.ChurnEvents.post;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.defection.DefectionChange;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.EventOrigin;
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

/** Billing and CRM events of one customer join into one defection, whichever arrives first. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class CorrelationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void billingThenCrmJoinIntoOneDefection() {
        String c = newCustomer();
        post(cancellation(c, "sub_1", "100.00", "USD", "2025-03-03T10:00:00Z", "2025-03-31T00:00:00Z"));
        post(accountChurned(c, "2025-03-10T09:00:00Z"));

        List<DefectionChanged> published = PublishedEvents.defections(dataSource, c);
        assertEquals(2, published.size());
        assertEquals(published.get(0).defectionId(), published.get(1).defectionId());
        assertEquals(List.of(1, 2), published.stream().map(DefectionChanged::revision).toList());
        assertEquals(List.of(DefectionChange.RECORDED, DefectionChange.ENRICHED),
                published.stream().map(DefectionChanged::change).toList());
        DefectionChanged d = published.get(1);
        assertEquals(List.of(EventOrigin.BILLING, EventOrigin.CRM), d.sources());
        assertEquals(YearMonth.of(2025, 3), d.lossMonth());
        assertEquals("Acme " + c, d.customer().accountName());
        assertEquals("They moved to a cheaper competitor", d.reason().statedReason());
        assertEquals("too_expensive", d.reason().billingReasonCode());
        assertEquals(new BigDecimal("100.00"), d.value().mrr());
        assertEquals(new BigDecimal("1200.00"), d.value().arr());
        // customerSince 2023-01-15 -> loss 2025-03-31: 26 whole months.
        assertEquals(26, d.customer().tenureMonths());
        assertEquals(new BigDecimal("2600.00"), d.value().lifetimeValue());
    }

    @Test
    void crmFirstThenBillingJoinTooAndTheLossMonthFollowsBilling() {
        String c = newCustomer();
        post(accountChurned(c, "2025-04-28T09:00:00Z"));
        DefectionChanged crmOnly = PublishedEvents.latest(dataSource, c);
        assertEquals(YearMonth.of(2025, 4), crmOnly.lossMonth());
        assertEquals(true, crmOnly.value().valuePending());
        assertNull(crmOnly.value().mrr());

        post(cancellation(c, "sub_1", "80.00", "USD", "2025-04-20T10:00:00Z", "2025-05-02T00:00:00Z"));
        DefectionChanged joined = PublishedEvents.latest(dataSource, c);
        assertEquals(crmOnly.defectionId(), joined.defectionId());
        assertEquals(YearMonth.of(2025, 5), joined.lossMonth());
        assertEquals(new BigDecimal("80.00"), joined.value().mrr());
    }

    @Test
    void severalSubscriptionsInTheWindowAddUpAndTheLastOneEndsTheCustomer() {
        String c = newCustomer();
        post(cancellation(c, "sub_a", "100.00", "USD", "2025-06-01T10:00:00Z", null),
                cancellation(c, "sub_b", "50.50", "USD", "2025-06-12T10:00:00Z", "2025-07-01T00:00:00Z"));
        DefectionChanged d = PublishedEvents.latest(dataSource, c);
        assertEquals(1, PublishedEvents.defections(dataSource, c).size(), "one batch, one published change");
        assertEquals(2, d.subscriptions().size());
        assertEquals(10, d.seats());
        assertEquals(new BigDecimal("150.50"), d.value().mrr());
        assertEquals(new BigDecimal("1806.00"), d.value().arr());
        assertEquals(YearMonth.of(2025, 7), d.lossMonth());
    }

    @Test
    void everyDistinctCommentOfTheEpisodeIsKeptInTimeOrder() {
        String c = newCustomer();
        ObjectNode second = cancellation(c, "sub_b", "20.00", "USD", "2025-06-12T10:00:00Z", null);
        ((ObjectNode) second.get("data")).put("comment", "Our new owner mandates their own CRM");
        ObjectNode third = cancellation(c, "sub_c", "20.00", "USD", "2025-06-13T10:00:00Z", null);
        ((ObjectNode) third.get("data")).put("comment", "Budget cuts"); // the same words again add nothing
        ObjectNode first = cancellation(c, "sub_a", "20.00", "USD", "2025-06-01T10:00:00Z", null);
        ((ObjectNode) first.get("data")).put("comment", "  Same reason as the other subscription ");
        post(second);
        post(third, first);
        assertEquals("Same reason as the other subscription\nOur new owner mandates their own CRM\nBudget cuts",
                PublishedEvents.latest(dataSource, c).reason().billingComment());
    }

    @Test
    void eventsFurtherApartThanTheWindowAreSeparateEpisodes() {
        String c = newCustomer();
        post(cancellation(c, "sub_a", "10.00", "USD", "2025-01-05T10:00:00Z", null));
        post(accountChurned(c, "2025-02-25T10:00:00Z")); // 51 days later: outside 45 days
        List<DefectionChanged> published = PublishedEvents.defections(dataSource, c);
        assertEquals(2, published.size());
        assertEquals(2, published.stream().map(DefectionChanged::defectionId).distinct().count());
    }

    @Test
    void aDuplicateChangesNothing() {
        String c = newCustomer();
        ObjectNode event = cancellation(c, "sub_a", "10.00", "USD", "2025-01-05T10:00:00Z", null);
        post(event);
        given().contentType("application/cloudevents+json").body(event.toString()).post("/events")
                .then().statusCode(202).body("accepted.size()", org.hamcrest.Matchers.equalTo(0))
                .body("duplicates[0]", org.hamcrest.Matchers.equalTo(event.get("id").asText()));
        assertEquals(1, PublishedEvents.defections(dataSource, c).size());
    }
}
