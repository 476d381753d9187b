package io.lossreview.ingest.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.contracts.Money;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionChanged;
import io.lossreview.contracts.inbound.SubscriptionStarted;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeEventMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIPTION = "/data/object";

    private final StripeEventMapper mapper = new StripeEventMapper();

    @Test
    void mapsADeletedSubscriptionToACancellation() {
        MappedStripeEvent event = mapper.map(fixture("subscription-deleted.json")).orElseThrow();

        assertEquals("billing.subscription-cancelled", event.eventType());
        assertEquals("evt_1R8xQ2LkdIwHu7ixF0b3tYc1", event.eventId());
        assertEquals("/stripe", event.source());
        assertEquals(Instant.parse("2025-04-01T00:00:05Z"), event.time());
        assertEquals("cus_PIJ2kYvHnD7e0a", event.customerId());
        SubscriptionCancelled expected = new SubscriptionCancelled("cus_PIJ2kYvHnD7e0a", "sub_1OTq8ALkdIwHu7ixa3DW5p2Z",
                "Team (monthly)", 4, Money.of("247.00", "EUR"), Instant.parse("2025-03-06T10:00:00Z"),
                Instant.parse("2025-04-01T00:00:00Z"), true, "too_expensive",
                "We moved to a cheaper tool for the sales team.", LocalDate.of(2024, 1, 1), null);
        assertEquals(expected, event.data());
        assertEquals("247.00", ((SubscriptionCancelled) event.data()).mrr().amount().toPlainString());
    }

    @Test
    void paymentFailureIsInvoluntary() {
        ObjectNode event = fixture("subscription-deleted.json");
        ObjectNode details = (ObjectNode) event.at(SUBSCRIPTION + "/cancellation_details");
        details.put("reason", "payment_failed").putNull("feedback").putNull("comment");

        SubscriptionCancelled data = cancelled(event);
        assertEquals(false, data.voluntary());
        assertEquals(null, data.reasonCode());
        assertEquals(null, data.comment());
    }

    @Test
    void effectiveAtFallsBackToCancelAtThenCanceledAt() {
        ObjectNode event = fixture("subscription-deleted.json");
        subscription(event).putNull("ended_at").put("cancel_at", 1743552000L);
        assertEquals(Instant.parse("2025-04-02T00:00:00Z"), cancelled(event).effectiveAt());

        subscription(event).putNull("cancel_at").remove("cancellation_details");
        SubscriptionCancelled data = cancelled(event);
        assertEquals(Instant.parse("2025-03-06T10:00:00Z"), data.effectiveAt());
        assertEquals(true, data.voluntary());
    }

    @Test
    void readsTheIdOfAnExpandedCustomer() {
        ObjectNode event = fixture("subscription-deleted.json");
        subscription(event).putObject("customer").put("id", "cus_Expanded01").put("object", "customer");
        assertEquals("cus_Expanded01", mapper.map(event).orElseThrow().customerId());
        assertEquals("cus_Expanded01", cancelled(event).customerId());
    }

    @ParameterizedTest(name = "{1} {0} every {3} {2} x {4} = {5}")
    @CsvSource({
        "eur, 1000,   week,  1, 1, 43.33",   // 10.00 x 52 / 12
        "eur, 30000,  month, 3, 1, 100.00",  // quarterly
        "eur, 3650,   day,   1, 1, 1110.21", // 36.50 x 365 / 12 = 1110.2083
        "usd, 6,      year,  1, 1, 0.01",    // 0.5 cents rounds HALF_UP
        "usd, 999,    year,  2, 4, 1.67",    // 9.99 x 4 / 24 = 1.665
        "jpy, 1500,   month, 1, 2, 3000",    // zero-decimal: unit_amount is yen
        "jpy, 10000,  year,  1, 1, 833",
        "kwd, 12345,  month, 1, 1, 12.345",  // three-decimal
        "isk, 500000, month, 1, 1, 5000.00", // Stripe keeps ISK in hundredths (ISO says 0 digits)
    })
    void normalizesEachPriceToAMonth(String currency, long unitAmount, String interval, int intervalCount,
                                     int quantity, String expectedMrr) {
        ObjectNode event = fixture("subscription-deleted.json");
        subscription(event).put("currency", currency);
        ObjectNode item = onlyItem(event);
        item.put("quantity", quantity);
        ObjectNode price = (ObjectNode) item.get("price");
        price.put("currency", currency).put("unit_amount", unitAmount).put("unit_amount_decimal", "999999");
        ((ObjectNode) price.get("recurring")).put("interval", interval).put("interval_count", intervalCount);

        SubscriptionCancelled data = cancelled(event);
        assertEquals(Money.of(expectedMrr, currency.toUpperCase()), data.mrr());
        assertEquals(quantity, data.seats());
    }

    @Test
    void usesUnitAmountDecimalWhenUnitAmountIsNullAndOneSeatWithoutQuantity() {
        ObjectNode event = fixture("subscription-deleted.json");
        ObjectNode item = onlyItem(event);
        item.putNull("quantity");
        ((ObjectNode) item.get("price")).putNull("unit_amount").put("unit_amount_decimal", "1234.5");

        SubscriptionCancelled data = cancelled(event);
        assertEquals(Money.of("12.35", "EUR"), data.mrr()); // 1234.5 cents
        assertEquals(1, data.seats());
    }

    @Test
    void planFallsBackToLookupKeyThenPriceId() {
        ObjectNode event = fixture("subscription-deleted.json");
        ObjectNode price = (ObjectNode) event.at(SUBSCRIPTION + "/items/data/0/price");
        price.putNull("nickname");
        assertEquals("team_monthly", cancelled(event).plan());
        price.remove("lookup_key");
        assertEquals("price_1OTq5gLkdIwHu7ixTeamMnth", cancelled(event).plan());
    }

    @Test
    void mapsACreatedSubscriptionToAStart() {
        MappedStripeEvent event = mapper.map(fixture("subscription-created.json")).orElseThrow();

        assertEquals("billing.subscription-started", event.eventType());
        assertEquals("evt_1RJw0kLkdIwHu7ixq9mB2cDe", event.eventId());
        assertEquals("/stripe", event.source());
        assertEquals(Instant.parse("2025-05-01T09:00:02Z"), event.time());
        assertEquals("cus_PIJ2kYvHnD7e0a", event.customerId());
        assertEquals(new SubscriptionStarted("cus_PIJ2kYvHnD7e0a", "sub_1RJw0iLkdIwHu7ixWnBack01", "Team (monthly)", 2,
                Money.of("98.00", "EUR"), Instant.parse("2025-05-01T09:00:00Z")), event.data());
    }

    @Test
    void aStartFallsBackToTheSubscriptionCreationTime() {
        ObjectNode event = fixture("subscription-created.json");
        subscription(event).remove("start_date");
        subscription(event).put("created", 1746093600L);
        SubscriptionStarted data = (SubscriptionStarted) mapper.map(event).orElseThrow().data();
        assertEquals(Instant.parse("2025-05-01T10:00:00Z"), data.startedAt());
    }

    @Test
    void anUpdateOfItsPriceIsAChangeAndAnyOtherUpdateIsNothing() {
        ObjectNode event = fixture("subscription-created.json").put("type", "customer.subscription.updated");
        ((ObjectNode) event.at(SUBSCRIPTION + "/items/data/0")).put("quantity", 5);
        ((ObjectNode) event.get("data")).putObject("previous_attributes").putObject("items");
        MappedStripeEvent mapped = mapper.map(event).orElseThrow();
        assertEquals("billing.subscription-changed", mapped.eventType());
        assertEquals(new SubscriptionChanged("cus_PIJ2kYvHnD7e0a", "sub_1RJw0iLkdIwHu7ixWnBack01", "Team (monthly)", 5,
                Money.of("245.00", "EUR"), Instant.parse("2025-05-01T09:00:02Z")), mapped.data());

        ((ObjectNode) event.get("data")).putObject("previous_attributes").put("cancel_at_period_end", false);
        assertEquals(Optional.empty(), mapper.map(event));
        ((ObjectNode) event.get("data")).remove("previous_attributes");
        assertEquals(Optional.empty(), mapper.map(event));
    }

    @Test
    void aMeteredItemIsNeitherSeatsNorMrr() {
        ObjectNode event = fixture("subscription-deleted.json");
        ObjectNode support = (ObjectNode) event.at(SUBSCRIPTION + "/items/data/1");
        ((ObjectNode) support.at("/price/recurring")).put("usage_type", "metered");
        SubscriptionCancelled data = cancelled(event);
        assertEquals(Money.of("147.00", "EUR"), data.mrr()); // 3 x 49.00 a month; the metered item adds nothing
        assertEquals(3, data.seats());
    }

    @Test
    void transformQuantityBillsPackagesRoundedAsThePriceSays() {
        ObjectNode event = fixture("subscription-deleted.json");
        ObjectNode item = onlyItem(event).put("quantity", 12);
        ObjectNode transform = ((ObjectNode) item.get("price")).putObject("transform_quantity").put("divide_by", 5).put("round", "up");
        assertEquals(Money.of("147.00", "EUR"), cancelled(event).mrr()); // 12 seats in packages of 5, rounded up: 3 x 49.00
        assertEquals(12, cancelled(event).seats());
        transform.put("round", "down");
        assertEquals(Money.of("98.00", "EUR"), cancelled(event).mrr()); // 2 packages
        transform.put("round", "sideways");
        assertViolation(event, "/data/object/items/data/0/price/transform_quantity/round", "enum");
    }

    @Test
    void ignoresOtherEventTypes() {
        ObjectNode invoicePaid = JSON.createObjectNode().put("id", "evt_1RInv0LkdIwHu7ixPaid0001")
                .put("object", "event").put("type", "invoice.paid").put("created", 1746090002L);
        invoicePaid.putObject("data").putObject("object").put("id", "in_1RInv0LkdIwHu7ix").put("object", "invoice");
        assertEquals(Optional.empty(), mapper.map(invoicePaid));
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({
        "/data/object/customer,                   /data/object/customer",
        "/data/object/id,                         /data/object/id",
        "/data/object/items,                      /data/object/items/data",
        "/data/object/canceled_at,                /data/object/canceled_at",
        "/data/object/items/data/1/price,         /data/object/items/data/1/price",
        "/data/object/items/data/0/price/recurring, /data/object/items/data/0/price/recurring",
        "/data/object/items/data/0/price/unit_amount, /data/object/items/data/0/price/unit_amount",
        "/data/object/currency,                   /data/object/currency",
        "/data,                                   /data/object",
        "/id,                                     /id",
        "/created,                                /created",
    })
    void namesTheMissingPieceByItsPointer(String removed, String expectedPointer) {
        ObjectNode event = fixture("subscription-deleted.json");
        if (removed.endsWith("/unit_amount")) { // a tiered price has neither amount
            ((ObjectNode) event.at(removed.substring(0, removed.lastIndexOf('/')))).remove("unit_amount_decimal");
        }
        if (removed.equals("/data/object/currency")) { // then the prices' currency would be used
            event.at(SUBSCRIPTION + "/items/data").forEach(item -> ((ObjectNode) item.get("price")).remove("currency"));
        }
        ((ObjectNode) event.at(removed.substring(0, removed.lastIndexOf('/')))).remove(
                removed.substring(removed.lastIndexOf('/') + 1));

        assertViolation(event, expectedPointer, "required");
    }

    @Test
    void rejectsMixedCurrenciesAndUnknownIntervals() {
        ObjectNode event = fixture("subscription-deleted.json");
        ((ObjectNode) event.at(SUBSCRIPTION + "/items/data/1/price")).put("currency", "usd");
        assertViolation(event, "/data/object/items/data/1/price/currency", "currency");

        ObjectNode other = fixture("subscription-deleted.json");
        ((ObjectNode) other.at(SUBSCRIPTION + "/items/data/0/price/recurring")).put("interval", "fortnight");
        assertViolation(other, "/data/object/items/data/0/price/recurring/interval", "enum");
    }

    @Test
    void rejectsAnEmptyItemListAndANonObjectEvent() {
        ObjectNode event = fixture("subscription-deleted.json");
        ((ArrayNode) event.at(SUBSCRIPTION + "/items/data")).removeAll();
        assertViolation(event, "/data/object/items/data", "required");
        assertViolation(JSON.createArrayNode(), "", "type");
    }

    private void assertViolation(JsonNode event, String pointer, String rule) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> mapper.map(event));
        assertEquals(InvalidInput.Kind.RULE, e.kind());
        assertEquals(1, e.violations().size());
        assertEquals(pointer, e.violations().get(0).field());
        assertEquals(rule, e.violations().get(0).rule());
        assertTrue(e.getMessage().startsWith(pointer), e.getMessage());
    }

    private SubscriptionCancelled cancelled(JsonNode event) {
        return (SubscriptionCancelled) mapper.map(event).orElseThrow().data();
    }

    private static ObjectNode subscription(ObjectNode event) {
        return (ObjectNode) event.at(SUBSCRIPTION);
    }

    /** Keeps only the first (monthly, 3 seats) item and returns it. */
    private static ObjectNode onlyItem(ObjectNode event) {
        ArrayNode items = (ArrayNode) event.at(SUBSCRIPTION + "/items/data");
        items.remove(1);
        return (ObjectNode) items.get(0);
    }

    private static ObjectNode fixture(String name) {
        try (InputStream in = StripeEventMapperTest.class.getResourceAsStream("/stripe/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
