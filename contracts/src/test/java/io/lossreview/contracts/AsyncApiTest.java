package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** asyncapi.yaml agrees with topics.csv, EventTypes and the schema files. */
class AsyncApiTest {

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws Exception {
        doc = new ObjectMapper(new YAMLFactory()).readTree(TestResources.text("asyncapi.yaml"));
    }

    /** Resolves a local "#/a/b" reference. */
    private static JsonNode ref(JsonNode refHolder) {
        String ref = refHolder.path("$ref").asText();
        assertTrue(ref.startsWith("#/"), "local ref: " + ref);
        JsonNode target = doc.at(ref.substring(1));
        assertTrue(!target.isMissingNode(), "dangling " + ref);
        return target;
    }

    @Test
    void headerAndServer() {
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertEquals("Loss Review events", doc.at("/info/title").asText());
        assertEquals("localhost:9092", doc.at("/servers/local/host").asText());
        assertEquals("kafka", doc.at("/servers/local/protocol").asText());
    }

    @Test
    void channelsAreExactlyTheTopics() {
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(channel -> {
            addresses.add(channel.path("address").asText());
            assertEquals(6, channel.at("/bindings/kafka/partitions").asInt());
            assertTrue(channel.path("description").asText().contains("Key = ")
                    || channel.path("description").asText().contains("key = "), channel.path("address").asText());
        });
        assertEquals(Topics.all().stream().map(Topic::name).toList(), addresses);
    }

    @Test
    void everyChannelIsSentAndReceived() {
        Map<String, List<String>> actions = new TreeMap<>();
        doc.get("operations").properties().forEach(e -> {
            JsonNode op = e.getValue();
            String address = ref(op.get("channel")).path("address").asText();
            actions.computeIfAbsent(address, a -> new ArrayList<>()).add(op.path("action").asText());
            assertTrue(!op.path("x-service").asText().isBlank(), e.getKey() + " names its service");
            assertTrue(!op.path("description").asText().isBlank(), e.getKey() + " has a description");
        });
        assertEquals(Topics.all().size(), actions.size());
        actions.forEach((address, list) -> {
            assertTrue(list.contains("send"), address + " has a publisher");
            assertTrue(list.contains("receive"), address + " has a consumer");
        });
    }

    @Test
    void servicesPublishAndConsumeAsDesigned() {
        Map<String, String> expected = new HashMap<>(Map.of(
                "churnIngestPublishesDefections", "send churn-ingest loss.defections",
                "analyzerConsumesDefections", "receive defection-analyzer loss.defections",
                "schedulerConsumesDefections", "receive review-scheduler loss.defections",
                "churnIngestPublishesRejections", "send churn-ingest loss.rejected",
                "analyzerPublishesAnalysis", "send defection-analyzer loss.analysis",
                "schedulerConsumesAnalysis", "receive review-scheduler loss.analysis",
                "schedulerPublishesReview", "send review-scheduler loss.review",
                "analyzerConsumesReview", "receive defection-analyzer loss.review",
                "churnIngestConsumesAccountChurned", "receive churn-ingest crm.account-churned"));
        expected.forEach((id, summary) -> {
            JsonNode op = doc.at("/operations/" + id);
            assertEquals(summary, op.path("action").asText() + " " + op.path("x-service").asText() + " "
                    + ref(op.get("channel")).path("address").asText(), id);
        });
    }

    @Test
    void everyTypeIsAMessageOnItsTopicWithAnExistingSchema() {
        Map<String, String> topicByMessageName = new TreeMap<>();
        doc.get("channels").forEach(channel -> channel.get("messages").forEach(holder -> {
            JsonNode message = ref(holder);
            topicByMessageName.put(message.path("name").asText(), channel.path("address").asText());
            assertEquals("application/schema+json;version=draft-2020-12", message.at("/payload/schemaFormat").asText());
            String schema = message.at("/payload/schema/$ref").asText();
            assertEquals("./schemas/" + EventTypes.schemaFileOf(message.path("name").asText()), schema);
            assertTrue(TestResources.exists(schema.substring(2)), schema + " is on the classpath");
        }));
        assertEquals(new TreeMap<>(EventTypes.topics()), topicByMessageName);
    }

    @Test
    void messageKeysMatchEventTypes() {
        doc.at("/components/messages").forEach(message -> {
            String type = message.path("name").asText();
            JsonNode bindings = message.has("traits") ? ref(message.get("traits").get(0)).get("bindings") : message.get("bindings");
            assertNotNull(bindings, type);
            String key = bindings.at("/kafka/key/description").asText();
            assertTrue(key.startsWith(EventTypes.keyFieldOf(type)), type + " keyed by " + key);
        });
    }
}
