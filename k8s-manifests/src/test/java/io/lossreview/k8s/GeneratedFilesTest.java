package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What deploy/k8s/generate.py copies stays equal to its source: a KafkaTopic per row of topics.csv with the
 * same partitions, and the PrometheusRule equal to deploy/observability/prometheus-alerts.yaml. A failure here
 * means: run deploy/k8s/generate.py.
 */
class GeneratedFilesTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;
    private static final String RUN = " (run deploy/k8s/generate.py)";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aKafkaTopicPerRowOfTopicsCsvWithItsPartitions(String overlay) {
        Map<String, Integer> rendered = new TreeMap<>();
        for (JsonNode topic : Rendered.overlay(overlay).ofKind("KafkaTopic")) {
            String name = topic.at("/spec/topicName").asText(topic.at("/metadata/name").asText());
            rendered.put(name, topic.at("/spec/partitions").asInt(-1));
            assertEquals("loss-review", topic.at("/metadata/labels/strimzi.io~1cluster").asText(), name + ": the topic operator's cluster");
        }
        assertEquals(topicsCsv(), rendered, overlay + ": KafkaTopics against topics.csv" + RUN);
    }

    @Test
    void productionKeepsThreeReplicasAndTwoInSync() {
        Rendered production = Rendered.production();
        for (JsonNode topic : production.ofKind("KafkaTopic")) {
            assertEquals(3, topic.at("/spec/replicas").asInt(), Rendered.describe(topic));
            assertEquals(2, topic.at("/spec/config/min.insync.replicas").asInt(), Rendered.describe(topic));
        }
        JsonNode config = production.get("Kafka", "loss-review").at("/spec/kafka/config");
        assertEquals(3, config.path("default.replication.factor").asInt());
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertEquals(3, config.path("offsets.topic.replication.factor").asInt());
        assertEquals(false, config.path("auto.create.topics.enable").asBoolean(true));
        assertEquals(3, production.get("KafkaNodePool", "controllers").at("/spec/replicas").asInt());
        assertEquals("[\"controller\"]", production.get("KafkaNodePool", "controllers").at("/spec/roles").toString());
        assertEquals(3, production.get("KafkaNodePool", "brokers").at("/spec/replicas").asInt());
        assertEquals("[\"broker\"]", production.get("KafkaNodePool", "brokers").at("/spec/roles").toString());
    }

    @Test
    void thePrometheusRuleIsTheObservabilityRuleFile() {
        JsonNode rule = Rendered.production().get("PrometheusRule", "loss-review-alerts");
        assertEquals(Repo.yaml("deploy/observability/prometheus-alerts.yaml"), rule.get("spec"), "PrometheusRule spec" + RUN);
    }

    private static Map<String, Integer> topicsCsv() {
        List<String> lines = Repo.text("contracts/src/main/resources/topics.csv").lines().toList();
        assertEquals("name,partitions", lines.get(0));
        Map<String, Integer> topics = new TreeMap<>();
        lines.stream().skip(1).filter(l -> !l.isBlank()).forEach(l -> {
            String[] cells = l.split(",");
            topics.put(cells[0], Integer.parseInt(cells[1]));
        });
        return topics;
    }
}
