package io.lossreview.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.ContractSchemas;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Violation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ContractValidityTest {

    private static final Set<String> INBOUND = EventTypes.inbound();

    @Test
    void everyValidAndDuplicateEventPassesTheContract() throws JsonProcessingException {
        SimulatedStream stream = TestEvents.year(42);
        int checked = 0;
        for (SimEvent e : stream.events()) {
            if (e.kind() == SimEvent.Kind.MALFORMED) {
                continue;
            }
            ObjectNode env = TestEvents.envelope(e);
            List<Violation> violations = ContractSchemas.get().validateEvent(env);
            assertTrue(violations.isEmpty(), () -> violations + " in " + e);
            assertTrue(INBOUND.contains(e.topic()), e.topic());
            assertEquals(e.topic(), env.get("type").asText(), "type is the topic name");
            assertEquals(e.key(), env.get("subject").asText(), "subject is the key");
            assertEquals(e.key(), env.get("data").get("customerId").asText(), "key is the customer id");
            assertEquals(TestEvents.binary(e) ? CloudEventEnvelope.JSON : CloudEventEnvelope.STRUCTURED_CONTENT_TYPE,
                    e.headers().get("content-type"));
            checked++;
        }
        assertTrue(checked > 7000, "checked " + checked);
    }

    @Test
    void binaryEventsCarryEveryRequiredHeader() {
        for (SimEvent e : TestEvents.year(42).events()) {
            if (TestEvents.binary(e) && e.kind() != SimEvent.Kind.MALFORMED) {
                assertEquals(List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "content-type"),
                        List.copyOf(e.headers().keySet()));
                assertEquals("1.0", e.headers().get("ce_specversion"));
            }
        }
    }

    /** Each malformed record must break exactly one rule: the schema's, or one of the service rules below. */
    @Test
    void everyMalformedEventBreaksExactlyOneRule() {
        SimulationConfig config = new SimulationConfig(7, YearMonth.of(2025, 1), 3, 300, "USD", ZoneOffset.UTC, 0.01, 0.25, 0.04, 0);
        SimulatedStream stream = Simulation.generate(config);
        Set<Malformer.Variant> seen = EnumSet.noneOf(Malformer.Variant.class);
        int malformed = 0;
        for (SimEvent e : stream.events()) {
            if (e.kind() == SimEvent.Kind.MALFORMED) {
                malformed++;
                List<String> broken = brokenRules(e, config.streamEnd());
                assertEquals(1, broken.size(), () -> broken + " in " + e);
                seen.add(Malformer.Variant.valueOf(broken.get(0)));
            }
        }
        assertTrue(malformed > 300, "malformed " + malformed);
        assertEquals(EnumSet.allOf(Malformer.Variant.class), seen, "every kind of defect occurs");
    }

    /** Names the rules a record breaks, with the malformer's names for them. */
    static List<String> brokenRules(SimEvent e, Instant streamEnd) {
        ObjectNode env;
        try {
            env = TestEvents.envelope(e);
        } catch (JsonProcessingException | ClassCastException notJson) {
            return List.of("NOT_JSON");
        }
        List<String> broken = new ArrayList<>();
        for (Violation v : ContractSchemas.get().validateEvent(env)) {
            broken.add(switch (v.pointer() + " " + v.rule()) {
                case "/data/customerId required" -> "MISSING_CUSTOMER_ID";
                case "/data/mrr/amount pattern" -> env.at("/data/mrr/amount").asText().startsWith("-") ? "NEGATIVE_AMOUNT" : "COMMA_AMOUNT";
                case "/data/mrr/currency pattern" -> "LOWERCASE_CURRENCY";
                case "/data/lastNps maximum" -> "NPS_ELEVEN";
                case "/type unknown-type" -> "UNKNOWN_TYPE";
                case "/data/statedReason maxLength" -> "LONG_REASON";
                default -> fail("unexpected violation " + v + " in " + e);
            });
        }
        JsonNode data = env.path("data");
        if (data.at("/mrr/currency").asText().equals("ABC")) {
            broken.add("UNKNOWN_CURRENCY");
        }
        if (data.hasNonNull("effectiveAt") && data.hasNonNull("cancelledAt")
                && Instant.parse(data.get("effectiveAt").asText()).isBefore(Instant.parse(data.get("cancelledAt").asText()))) {
            broken.add("EFFECTIVE_BEFORE_CANCELLED");
        }
        for (String field : List.of("cancelledAt", "reactivatedAt", "churnedAt")) {
            if (data.hasNonNull(field) && Instant.parse(data.get(field).asText()).isAfter(streamEnd.plusSeconds(86_400 * 366L))) {
                broken.add("FUTURE_DATE");
            }
        }
        return broken;
    }
}
