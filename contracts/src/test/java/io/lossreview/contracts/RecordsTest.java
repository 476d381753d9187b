package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.rejection.EventRejected;
import io.lossreview.contracts.review.CallCompleted;
import io.lossreview.contracts.review.CallOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Record conveniences: envelope factory, defaults of optional inbound fields, null handling. */
class RecordsTest {

    @Test
    void createBuildsAValidStructuredEvent() {
        CallCompleted data = new CallCompleted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "cus_1",
                "exec-1", CallOutcome.DECLINED, null, null, Instant.parse("2025-04-08T15:40:12Z"), "exec-1");
        CloudEventEnvelope event = CloudEventEnvelope.create(EventSources.REVIEW_SCHEDULER, EventTypes.CALL_COMPLETED, "cus_1", data);

        JsonNode json = ContractJson.mapper().valueToTree(event);
        assertEquals("1.0", json.path("specversion").asText());
        assertEquals("application/json", json.path("datacontenttype").asText());
        assertEquals("/loss-review/review-scheduler", json.path("source").asText());
        assertTrue(json.path("time").isTextual());
        assertFalse(json.path("data").has("learnedCause"), "nulls are omitted");
        assertEquals(List.of(), ContractSchemas.get().validateEvent(json));
        assertEquals(data, event.dataAs(CallCompleted.class));
    }

    @Test
    void writeProducesTheSameJsonAsTheEnvelope() throws Exception {
        CallCompleted data = new CallCompleted("a-1", "d-1", "cus_1", "exec-1", CallOutcome.REACHED, "PRICE", null,
                Instant.parse("2025-04-08T15:40:12Z"), "exec-1");
        Instant time = Instant.parse("2025-04-08T15:40:13Z");
        String written = CloudEventEnvelope.write("e-1", EventSources.REVIEW_SCHEDULER, EventTypes.CALL_COMPLETED,
                "cus_1", time, data, ContractJson.mapper());
        CloudEventEnvelope viaTree = CloudEventEnvelope.of("e-1", EventSources.REVIEW_SCHEDULER,
                EventTypes.CALL_COMPLETED, "cus_1", time, data, ContractJson.mapper());
        assertEquals(ContractJson.mapper().writeValueAsString(viaTree), written);
    }

    @Test
    void dataAsExplainsAMismatch() {
        CloudEventEnvelope event = CloudEventEnvelope.create(EventSources.CHURN_INGEST, EventTypes.ACCOUNT_CHURNED, "c",
                java.util.Map.of("segment", "HUGE"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> event.dataAs(AccountChurned.class));
        assertTrue(e.getMessage().startsWith("data of crm.account-churned event "), e.getMessage());
    }

    @Test
    void cancellationDefaultsApplyOnlyWhenAbsent() throws Exception {
        SubscriptionCancelled minimal = ContractJson.mapper().readValue(
                "{\"customerId\":\"c\",\"subscriptionId\":\"s\",\"mrr\":{\"amount\":\"1\",\"currency\":\"USD\"},"
                        + "\"cancelledAt\":\"2025-03-04T10:15:30Z\",\"unknownToUs\":true}", SubscriptionCancelled.class);
        assertNull(minimal.seats());
        assertEquals(1, minimal.seatsOrDefault());
        assertTrue(minimal.voluntaryOrDefault());
        assertEquals(Instant.parse("2025-03-04T10:15:30Z"), minimal.effectiveAtOrDefault());

        SubscriptionCancelled failed = TestResources.json("examples/billing.subscription-cancelled/payment-failure.json")
                .get("data").traverse(ContractJson.mapper()).readValueAs(SubscriptionCancelled.class);
        assertFalse(failed.voluntaryOrDefault());
        SubscriptionCancelled explicit = ContractJson.mapper().treeToValue(
                TestResources.json("examples/billing.subscription-cancelled/voluntary-too-expensive.json").get("data"),
                SubscriptionCancelled.class);
        assertEquals(25, explicit.seatsOrDefault());
        assertEquals(Instant.parse("2025-03-31T23:59:59Z"), explicit.effectiveAtOrDefault());
    }

    @Test
    void doNotContactDefaultsToFalse() {
        AccountChurned churned = new AccountChurned("c", null, null, null, null, null, null,
                Instant.parse("2025-03-06T16:19:00Z"), null, null, null, null, null, null);
        assertFalse(churned.doNotContactOrDefault());
        assertEquals("{\"customerId\":\"c\",\"churnedAt\":\"2025-03-06T16:19:00Z\"}",
                ContractJson.mapper().valueToTree(churned).toString());
    }

    @Test
    void payloadIsTruncatedToTheSchemaLimit() {
        assertEquals("{}", EventRejected.truncate("{}"));
        assertNull(EventRejected.truncate(null));
        assertEquals(EventRejected.MAX_PAYLOAD_CHARS, EventRejected.truncate("x".repeat(100_000)).length());
        String emojiAtTheEdge = "x".repeat(EventRejected.MAX_PAYLOAD_CHARS - 1) + "\uD83D\uDE00";
        assertEquals(EventRejected.MAX_PAYLOAD_CHARS - 1, EventRejected.truncate(emojiAtTheEdge).length());
    }
}
