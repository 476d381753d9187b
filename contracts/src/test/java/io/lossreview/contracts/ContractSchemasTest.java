package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContractSchemasTest {

    private static final ContractSchemas SCHEMAS = ContractSchemas.get();

    private static ObjectNode example(String file) {
        return (ObjectNode) TestResources.json("examples/" + file);
    }

    private static List<String> found(List<Violation> violations) {
        return violations.stream().map(v -> v.pointer() + " " + v.rule()).toList();
    }

    private static List<String> dataViolations(ObjectNode event) {
        return found(SCHEMAS.validateData(event.get("type").asText(), event.get("data")));
    }

    @Test
    void requiredViolationsPointAtTheMissingProperty() {
        ObjectNode event = example("billing.subscription-cancelled/voluntary-too-expensive.json");
        ((ObjectNode) event.get("data")).remove("subscriptionId");
        ((ObjectNode) event.get("data").get("mrr")).remove("amount");
        assertEquals(List.of("/data/mrr/amount required", "/data/subscriptionId required"), dataViolations(event));
        event.remove("source");
        assertEquals(List.of("/source required"), found(SCHEMAS.validateEnvelope(event)));
    }

    @Test
    void inboundDataToleratesFieldsTheSourceAdded() {
        ObjectNode event = example("crm.account-churned/enterprise-lost-to-competitor.json");
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("Opportunity_Stage__c", "Closed Lost");
        ((ObjectNode) data.get("contact")).put("linkedIn", "jonas-weber");
        event.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"); // CloudEvents extension
        assertEquals(List.of(), found(SCHEMAS.validateEvent(event)));
    }

    @Test
    void outboundDataRejectsUnknownFieldsAtEveryLevel() {
        ObjectNode event = example("loss.defection-changed/enriched-from-crm.json");
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("churnScore", 0.7);
        ((ObjectNode) data.at("/subscriptions/0/mrr")).put("fxRate", "1.08");
        ((ObjectNode) data.get("contact")).put("linkedIn", "jonas-weber");
        ((ObjectNode) data.get("customer")).put("a/b", 1);
        assertEquals(List.of(
                "/data/churnScore additionalProperties",
                "/data/contact/linkedIn additionalProperties",
                "/data/customer/a~1b additionalProperties",
                "/data/subscriptions/0/mrr/fxRate additionalProperties"), dataViolations(event));
    }

    @Test
    void valuedDefectionNeedsItsAmounts() {
        ObjectNode event = example("loss.defection-changed/recorded-from-billing.json");
        ObjectNode value = (ObjectNode) event.at("/data/value");
        value.remove("mrr");
        value.remove("arr");
        assertEquals(List.of("/data/value/arr required", "/data/value/mrr required"), dataViolations(event));
        value.put("valuePending", true);
        assertEquals(List.of(), dataViolations(event));
    }

    @Test
    void wonBackDefectionNeedsWonBackAt() {
        ObjectNode event = example("loss.defection-changed/won-back.json");
        ((ObjectNode) event.get("data")).remove("wonBackAt");
        assertEquals(List.of("/data/wonBackAt required"), dataViolations(event));
    }

    @Test
    void kafkaRejectionNeedsTopicPartitionAndOffset() {
        ObjectNode event = example("loss.event-rejected/negative-amount.json");
        ((ObjectNode) event.at("/data/origin")).remove("offset");
        assertEquals(List.of("/data/origin/offset required"), dataViolations(event));
    }

    @Test
    void envelopeNeedsObjectData() {
        ObjectNode event = example("loss.call-assigned/enterprise-competitor.json");
        event.put("data", "{\"assignmentId\":\"x\"}");
        assertEquals(List.of("/data type"), found(SCHEMAS.validateEvent(event)));
        event.remove("data");
        assertEquals(List.of("/data required"), found(SCHEMAS.validateEvent(event)));
        assertEquals(List.of("/data type"), found(SCHEMAS.validateData(EventTypes.CALL_ASSIGNED, null)));
    }

    @Test
    void envelopeRequiresJsonDataContentType() {
        ObjectNode event = example("loss.call-assigned/enterprise-competitor.json");
        event.put("datacontenttype", "application/cloudevents+json; charset=UTF-8");
        assertEquals(List.of(), found(SCHEMAS.validateEnvelope(event)));
        event.put("datacontenttype", "text/plain");
        assertEquals(List.of("/datacontenttype pattern"), found(SCHEMAS.validateEnvelope(event)));
    }

    @Test
    void unknownTypeIsTheCallersDecision() {
        JsonNode data = example("loss.call-assigned/enterprise-competitor.json").get("data");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SCHEMAS.validateData("loss.call-cancelled", data));
        assertEquals("unknown event type: loss.call-cancelled", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SCHEMAS.validateData(null, data));
    }

    @Test
    void sharedInstanceIsSafeToUseFromManyThreads() throws Exception {
        assertSame(SCHEMAS, ContractSchemas.get());
        JsonNode bad = TestResources.json("invalid/crm.account-churned/segment-huge.json");
        JsonNode good = TestResources.json("examples/crm.account-churned/smb-do-not-contact.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = IntStream.range(0, 400)
                    .mapToObj(i -> pool.submit(() -> found(SCHEMAS.validateEvent(i % 2 == 0 ? bad : good))))
                    .toList();
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0 ? List.of("/data/segment enum") : List.of(), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
