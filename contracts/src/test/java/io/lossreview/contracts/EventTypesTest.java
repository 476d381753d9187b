package io.lossreview.contracts;

import io.lossreview.contracts.inbound.AccountChurned;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTypesTest {

    @Test
    void typesAndTheirTopics() {
        assertEquals(Map.ofEntries(
                Map.entry("billing.subscription-started", "billing.subscription-started"),
                Map.entry("billing.subscription-changed", "billing.subscription-changed"),
                Map.entry("billing.subscription-cancelled", "billing.subscription-cancelled"),
                Map.entry("billing.subscription-reactivated", "billing.subscription-reactivated"),
                Map.entry("crm.account-churned", "crm.account-churned"),
                Map.entry("loss.defection-changed", "loss.defections"),
                Map.entry("loss.event-rejected", "loss.rejected"),
                Map.entry("loss.month-base-measured", "loss.base"),
                Map.entry("loss.month-analyzed", "loss.analysis"),
                Map.entry("loss.packet-published", "loss.review"),
                Map.entry("loss.call-assigned", "loss.review"),
                Map.entry("loss.call-completed", "loss.review"),
                Map.entry("loss.action-changed", "loss.review")), EventTypes.topics());
    }

    @Test
    void inboundTypesAreTheirTopicNames() {
        assertEquals(Set.of(EventTypes.SUBSCRIPTION_STARTED, EventTypes.SUBSCRIPTION_CHANGED, EventTypes.SUBSCRIPTION_CANCELLED,
                        EventTypes.SUBSCRIPTION_REACTIVATED, EventTypes.ACCOUNT_CHURNED),
                EventTypes.inbound());
        EventTypes.inbound().forEach(type -> assertEquals(type, EventTypes.topicOf(type)));
    }

    @Test
    void everyTopicCarriesAtLeastOneType() {
        Set<String> used = Set.copyOf(EventTypes.topics().values());
        assertEquals(Topics.all().stream().map(Topic::name).collect(Collectors.toSet()), used);
    }

    @Test
    void everyTypeHasASchemaOnTheClasspath() {
        EventTypes.schemaFiles().forEach((type, file) -> {
            assertEquals(type + ".schema.json", file);
            assertTrue(TestResources.exists("schemas/" + file), "schema for " + type);
        });
    }

    @Test
    void everyTypeHasAtLeastTwoExamples() {
        for (String type : EventTypes.all()) {
            List<String> examples = TestResources.jsonFiles("examples/" + type);
            assertTrue(examples.size() >= 2, type + " has " + examples.size() + " examples");
        }
        Set<String> dirs = TestResources.jsonFiles("examples").stream()
                .map(path -> path.split("/")[1]).collect(Collectors.toSet());
        assertEquals(EventTypes.all(), dirs, "no example directory for an unknown type");
    }

    @Test
    void keyFieldsAreRecordComponents() {
        EventTypes.keyFields().forEach((type, field) -> {
            Class<?> record = EventTypes.dataClassOf(type);
            assertTrue(List.of(record.getRecordComponents()).stream().anyMatch(c -> c.getName().equals(field)),
                    record.getSimpleName() + " has " + field);
        });
        assertEquals("month", EventTypes.keyFieldOf(EventTypes.MONTH_ANALYZED));
        assertEquals("actionId", EventTypes.keyFieldOf(EventTypes.ACTION_CHANGED));
    }

    @Test
    void unknownTypesAreRejected() {
        assertFalse(EventTypes.isKnown("crm.account-merged"));
        assertFalse(EventTypes.isKnown(null));
        assertEquals(AccountChurned.class, EventTypes.dataClassOf(EventTypes.ACCOUNT_CHURNED));
        assertThrows(IllegalArgumentException.class, () -> EventTypes.topicOf("crm.account-merged"));
        assertThrows(IllegalArgumentException.class, () -> EventTypes.schemaFileOf("../secrets"));
    }
}
