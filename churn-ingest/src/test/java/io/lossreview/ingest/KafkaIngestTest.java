package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.accountChurned;
import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.messaging.OutboxRelay;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The Kafka path end to end: both CloudEvents modes, duplicates, dead letters, and consumption goes on. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class KafkaIngestTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;

    @Test
    void structuredBillingAndBinaryCrmBecomeOnePublishedDefection() throws Exception {
        TestKafka kafka = new TestKafka(prefix);
        String c = newCustomer();
        long sentFrom = System.currentTimeMillis();
        ObjectNode billing = cancellation(c, "sub_1", "200.00", "USD", "2025-05-02T10:00:00Z", null);
        kafka.send(Topics.BILLING_SUBSCRIPTION_CANCELLED, c, billing.toString(),
                "content-type", "application/cloudevents+json; charset=UTF-8");
        kafka.send(Topics.BILLING_SUBSCRIPTION_CANCELLED, c, billing.toString(),
                "content-type", "application/cloudevents+json; charset=UTF-8"); // a redelivery
        ObjectNode crm = accountChurned(c, "2025-05-06T10:00:00Z");
        kafka.send(Topics.CRM_ACCOUNT_CHURNED, c, crm.get("data").toString(),
                "ce_specversion", "1.0", "ce_id", crm.get("id").asText(), "ce_source", "/crm/test",
                "ce_type", "crm.account-churned", "content-type", "application/json");

        // Billing and CRM reach one consumer (co-partitioned topics): in one batch they make one
        // change, in two batches two (the second is revision 2). Either way the last one has both.
        List<ConsumerRecord<String, String>> enriched = kafka.await(Topics.LOSS_DEFECTIONS, 1,
                r -> c.equals(r.key()) && r.value().contains("Acme " + c), WAIT);
        DefectionChanged last = data(enriched.get(0), DefectionChanged.class);
        assertEquals(new java.math.BigDecimal("200.00"), last.value().mrr());
        assertEquals("Acme " + c, last.customer().accountName());
        List<ConsumerRecord<String, String>> all = kafka.await(Topics.LOSS_DEFECTIONS, last.revision(),
                r -> c.equals(r.key()), WAIT);
        assertEquals(last.revision(), all.size(), "one published change per revision");
        for (ConsumerRecord<String, String> r : all) {
            assertEquals(last.defectionId(), data(r, DefectionChanged.class).defectionId(), "one defection");
        }
        // The redelivered billing event changed nothing: no revision after the enriched one.
        assertEquals(last.revision(), data(all.get(all.size() - 1), DefectionChanged.class).revision());
        // Each change names when the inbound event behind it was published: the analyzer measures the chain from it.
        long sentUntil = System.currentTimeMillis();
        for (ConsumerRecord<String, String> r : all) {
            Header origin = r.headers().lastHeader(OutboxRelay.ORIGIN_TIME_HEADER);
            assertNotNull(origin, "the origin-time header of revision " + data(r, DefectionChanged.class).revision());
            long at = Long.parseLong(new String(origin.value(), StandardCharsets.US_ASCII));
            assertTrue(at >= sentFrom - 1000 && at <= sentUntil, "published at " + at + ", sent from " + sentFrom);
            assertTrue(at <= r.timestamp(), "the origin precedes the defection event's own publication");
        }
    }

    @Test
    void badEventsGoToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        TestKafka kafka = new TestKafka(prefix);
        String c = newCustomer();
        ObjectNode negative = cancellation(c, "sub_1", "-5.00", "USD", "2025-05-02T10:00:00Z", null);
        kafka.send(Topics.BILLING_SUBSCRIPTION_CANCELLED, c, "this is {not json",
                "content-type", "application/cloudevents+json");
        kafka.send(Topics.BILLING_SUBSCRIPTION_CANCELLED, c, negative.toString(),
                "content-type", "application/cloudevents+json");
        kafka.send(Topics.BILLING_SUBSCRIPTION_CANCELLED, c,
                cancellation(c, "sub_2", "5.00", "USD", "2025-05-03T10:00:00Z", null).toString(),
                "content-type", "application/cloudevents+json");

        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.LOSS_REJECTED, 2,
                r -> c.equals(r.key()) || r.value().contains("not json"), WAIT);
        List<JsonNode> violations = dead.stream().map(r -> tree(r).get("data").get("violations").get(0)).toList();
        assertEquals(Map.of("json", "", "pattern", "/data/mrr/amount"), Map.of(
                violations.get(0).get("rule").asText(), violations.get(0).get("pointer").asText(),
                violations.get(1).get("rule").asText(), violations.get(1).get("pointer").asText()));
        assertEquals("KAFKA", tree(dead.get(0)).get("data").get("origin").get("channel").asText());
        DefectionChanged ok = data(kafka.await(Topics.LOSS_DEFECTIONS, 1, r -> c.equals(r.key()), WAIT).get(0),
                DefectionChanged.class);
        assertEquals("sub_2", ok.subscriptions().get(0).subscriptionId());
    }

    private static JsonNode tree(ConsumerRecord<String, String> r) {
        try {
            return ContractJson.mapper().readTree(r.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T data(ConsumerRecord<String, String> r, Class<T> type) {
        return ContractJson.mapper().convertValue(tree(r).get("data"), type);
    }
}
