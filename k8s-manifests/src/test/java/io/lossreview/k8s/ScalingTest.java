package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KEDA never runs more consumers of a topic than it has partitions: for every topic a service's group reads,
 * maxReplicaCount x that service's consumers per pod of the topic <= the topic's partitions (topics.csv). The
 * gateway scales on CPU. Each scaler watches its own service's group, at the brokers of this namespace.
 */
class ScalingTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    /**
     * Consumer threads per pod for a topic: churn-ingest runs INGEST_CONSUMERS on each of its topics
     * (ChurnEventConsumer), the analyzer DEFECTION_CONSUMERS on loss.defections (DefectionConsumer); every
     * other consumer runs one thread (EventConsumer.instances()).
     */
    static int consumersPerPod(String service, String topic, Map<String, String> env) {
        if (service.equals("churn-ingest")) {
            return Integer.parseInt(env.getOrDefault("INGEST_CONSUMERS", "2"));
        }
        if (service.equals("defection-analyzer") && topic.equals("loss.defections")) {
            return Integer.parseInt(env.getOrDefault("DEFECTION_CONSUMERS", "2"));
        }
        return 1;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void neverMoreConsumersThanPartitions(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, Integer> partitions = new TreeMap<>();
        rendered.ofKind("KafkaTopic").forEach(t -> partitions.put(t.at("/metadata/name").asText(), t.at("/spec/partitions").asInt()));
        for (String service : Services.KAFKA_USERS) {
            JsonNode scaled = rendered.get("ScaledObject", service);
            int max = scaled.at("/spec/maxReplicaCount").asInt(100); // KEDA's default is 100
            int min = scaled.at("/spec/minReplicaCount").asInt(0);
            assertTrue(min >= 1 && min <= max, overlay + " " + service + ": min " + min + ", max " + max);
            Map<String, String> env = Workload.of(rendered, service).literals();
            for (String topic : AsyncApi.get().receives(service)) {
                int consumers = max * consumersPerPod(service, topic, env);
                assertTrue(partitions.containsKey(topic), overlay + ": no KafkaTopic " + topic);
                assertTrue(consumers <= partitions.get(topic), overlay + ": " + service + " may run " + consumers
                        + " consumers of " + topic + " (maxReplicaCount " + max + "), which has " + partitions.get(topic) + " partitions");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachScalerWatchesItsServicesGroupAtThisNamespacesBrokers(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        String namespace = rendered.get("Kafka", "loss-review").at("/metadata/namespace").asText();
        assertEquals(Services.KAFKA_USERS.size(), rendered.ofKind("ScaledObject").size(), overlay + ": one ScaledObject per consuming service");
        for (String service : Services.KAFKA_USERS) {
            JsonNode scaled = rendered.get("ScaledObject", service);
            assertEquals(service, scaled.at("/spec/scaleTargetRef/name").asText());
            JsonNode triggers = scaled.at("/spec/triggers");
            assertEquals(1, triggers.size(), service);
            JsonNode metadata = triggers.get(0).path("metadata");
            assertEquals("kafka", triggers.get(0).path("type").asText());
            assertEquals(Services.of(service).consumerGroup(), metadata.path("consumerGroup").asText(), service + " group");
            assertEquals("loss-review-kafka-bootstrap." + namespace + ".svc:9093", metadata.path("bootstrapServers").asText(), overlay + " " + service);
            assertEquals("earliest", metadata.path("offsetResetPolicy").asText(), service + ": as the consumers (auto.offset.reset)");
            assertTrue(rendered.ofKind("HorizontalPodAutoscaler").stream().noneMatch(h -> h.at("/spec/scaleTargetRef/name").asText().equals(service)),
                    service + " is KEDA's: no second autoscaler");
            assertTrue(Workload.of(rendered, service).deployment().at("/spec/replicas").isMissingNode(), service + ": replicas belong to KEDA");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayScalesOnCpu(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        JsonNode hpa = rendered.get("HorizontalPodAutoscaler", "api-gateway");
        assertEquals("Deployment/api-gateway", hpa.at("/spec/scaleTargetRef/kind").asText() + "/" + hpa.at("/spec/scaleTargetRef/name").asText());
        assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText());
        assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, "two gateways at least");
        assertTrue(Workload.of(rendered, "api-gateway").container().at("/resources/requests/cpu").isTextual(),
                "utilisation is measured against the CPU request");
        assertTrue(Workload.of(rendered, "api-gateway").deployment().at("/spec/replicas").isMissingNode(), "replicas belong to the HPA");
    }
}
