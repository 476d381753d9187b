package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rendered object of every overlay against its schema; and the schemas really refuse a misspelt field. */
class SchemaValidationTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRenderedObjectMatchesItsSchema(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertTrue(rendered.objects.size() > 50, overlay + " rendered only " + rendered.objects.size() + " objects");
        List<String> problems = new ArrayList<>();
        for (JsonNode object : rendered.objects) {
            Schemas.get().violations(object).forEach(v -> problems.add(Rendered.describe(object) + " " + v));
        }
        assertEquals(List.of(), problems, overlay + ": objects that break their schema");
    }

    // Each family of schemas catches a field that does not exist, deep in an object, and a wrong type.

    @Test
    void kubernetesSchemasRefuseAMisspeltField() {
        ObjectNode deployment = copy("Deployment", "churn-ingest");
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/livenessProbe/httpGet")).put("pth", "/q/health/live");
        assertRefused(deployment, "/spec/template/spec/containers/0/livenessProbe/httpGet", "pth");
    }

    @Test
    void kubernetesSchemasRefuseAWrongType() {
        ObjectNode pdb = copy("PodDisruptionBudget", "churn-ingest");
        ((ObjectNode) pdb.at("/spec/selector")).put("matchLabels", "app=churn-ingest");
        assertRefused(pdb, "/spec/selector/matchLabels", "");
    }

    @Test
    void kubernetesMetadataOfCustomResourcesIsStrictToo() {
        ObjectNode topic = copy("KafkaTopic", "loss.defections");
        ((ObjectNode) topic.get("metadata")).put("lables", "x");
        assertRefused(topic, "/metadata", "lables");
    }

    @Test
    void strimziSchemasRefuseAMisspeltField() {
        ObjectNode kafka = copy("Kafka", "loss-review");
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0/authentication")).put("typ", "scram-sha-512");
        assertRefused(kafka, "/spec/kafka/listeners/0/authentication/typ", "");
    }

    @Test
    void strimziSchemasRefuseAnUnknownAclOperation() {
        ObjectNode user = copy("KafkaUser", "churn-ingest");
        ((ObjectNode) user.at("/spec/authorization/acls/0")).putArray("operations").add("Reed");
        assertRefused(user, "/spec/authorization/acls/0/operations/0", "");
    }

    @Test
    void cloudNativePgSchemasRefuseAMisspeltField() {
        ObjectNode cluster = copy("Cluster", "loss-review-db");
        ((ObjectNode) cluster.at("/spec/storage")).put("storageClas", "fast");
        assertRefused(cluster, "/spec/storage/storageClas", "");
        ObjectNode store = copy("ObjectStore", "loss-review-db-backups");
        ((ObjectNode) store.at("/spec/configuration")).put("destinationPth", "s3://x");
        assertRefused(store, "/spec/configuration/destinationPth", "");
    }

    @Test
    void kedaSchemasRefuseAMisspeltField() {
        ObjectNode scaled = copy("ScaledObject", "churn-ingest");
        ((ObjectNode) scaled.get("spec")).put("maxReplicas", 6);
        assertRefused(scaled, "/spec/maxReplicas", "");
    }

    @Test
    void prometheusOperatorSchemasRefuseAMisspeltField() {
        ObjectNode monitor = copy("ServiceMonitor", "loss-review-services");
        ((ObjectNode) monitor.at("/spec/endpoints/0")).put("pathh", "/q/metrics");
        assertRefused(monitor, "/spec/endpoints/0/pathh", "");
    }

    @Test
    void aKindWithoutASchemaIsAnError() {
        ObjectNode unknown = Repo.JSON.createObjectNode().put("apiVersion", "example.com/v1").put("kind", "Widget");
        assertFalse(Schemas.get().violations(unknown).isEmpty());
    }

    private static ObjectNode copy(String kind, String name) {
        ObjectNode object = Rendered.production().get(kind, name).deepCopy();
        assertEquals(List.of(), Schemas.get().violations(object), "the unchanged " + kind + " is valid");
        return object;
    }

    private static void assertRefused(JsonNode object, String pointer, String word) {
        List<String> violations = Schemas.get().violations(object);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith(pointer) && v.contains(word)),
                "expected a violation at " + pointer + (word.isEmpty() ? "" : " naming " + word) + ", got " + violations);
    }
}
