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
        assertEquals(Map.of(
                "billing.subscription-cancelled", "billing.subscription-cancelled",
                "billing.subscription-reactivated", "billing.subscription-reactivated",
                "crm.account-churned", "crm.account-churned",
                "loss.defection-changed", "loss.defections",
                "loss.event-rejected", "loss.rejected",
                "loss.month-analyzed", "loss.analysis",
                "loss.packet-published", "loss.review",
                "loss.call-assigned", "loss.review",
                "loss.call-completed", "loss.review",
                "loss.action-changed", "loss.review"), EventTypes.topics());
    }

    @Test
    void inboundTypesAreTheirTopicNames() {
        assertEquals(Set.of(EventTypes.SUBSCRIPTION_CANCELLED, EventTypes.SUBSCRIPTION_REACTIVATED, EventTypes.ACCOUNT_CHURNED),
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
