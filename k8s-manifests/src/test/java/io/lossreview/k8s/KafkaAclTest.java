package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each service's KafkaUser allows exactly what asyncapi.yaml says it does: Read on the topics it receives from,
 * Write on those it sends to, Read on its consumer group (from its configuration); KEDA's user only Describe on
 * the groups and the topics they read. No other user, no prefix or wildcard ACL.
 */
class KafkaAclTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceMayDoExactlyWhatTheAsyncApiDocumentSays(String overlay) {
        AsyncApi asyncApi = AsyncApi.get();
        for (String service : Services.KAFKA_USERS) {
            Set<String> expected = new TreeSet<>();
            asyncApi.receives(service).forEach(t -> expected.add(acl("topic", t, "Read")));
            asyncApi.sends(service).forEach(t -> expected.add(acl("topic", t, "Write")));
            if (!asyncApi.receives(service).isEmpty()) {
                expected.add(acl("group", Services.of(service).consumerGroup(), "Read"));
            }
            assertEquals(expected, acls(Rendered.overlay(overlay).get("KafkaUser", service)), overlay + ": ACLs of " + service);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kedaOnlyDescribesTheGroupsAndTheTopicsTheyRead(String overlay) {
        AsyncApi asyncApi = AsyncApi.get();
        Set<String> expected = new TreeSet<>();
        for (String service : Services.KAFKA_USERS) {
            expected.add(acl("group", Services.of(service).consumerGroup(), "Describe"));
            asyncApi.receives(service).forEach(t -> expected.add(acl("topic", t, "Describe")));
        }
        assertEquals(expected, acls(Rendered.overlay(overlay).get("KafkaUser", "keda-lag-reader")), overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theUsersAreTheServicesAndKedaAuthenticatedLikeTheListener(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Set<String> users = new TreeSet<>();
        rendered.ofKind("KafkaUser").forEach(u -> users.add(u.at("/metadata/name").asText()));
        Set<String> expected = new TreeSet<>(Services.KAFKA_USERS);
        expected.add("keda-lag-reader");
        assertEquals(expected, users, overlay + ": KafkaUsers");
        JsonNode listeners = rendered.get("Kafka", "loss-review").at("/spec/kafka/listeners");
        assertEquals(1, listeners.size(), "one client listener");
        String mechanism = listeners.get(0).at("/authentication/type").asText();
        assertEquals("scram-sha-512", mechanism, "the listener authenticates every client");
        assertEquals("simple", rendered.get("Kafka", "loss-review").at("/spec/kafka/authorization/type").asText(), "ACLs enforced");
        for (JsonNode user : rendered.ofKind("KafkaUser")) {
            assertEquals(mechanism, user.at("/spec/authentication/type").asText(), Rendered.describe(user));
            assertEquals("loss-review", user.at("/metadata/labels/strimzi.io~1cluster").asText(), Rendered.describe(user) + " cluster label");
        }
        // Each service logs in as its own user (the user operator's Secret carries the user's name).
        for (String service : Services.KAFKA_USERS) {
            Workload.Source jaas = Workload.of(rendered, service).environment().get("KAFKA_SASL_JAAS_CONFIG");
            assertEquals(service + "/sasl.jaas.config", jaas.secret() + "/" + jaas.secretKey(), overlay + " " + service);
        }
    }

    private static Set<String> acls(JsonNode user) {
        Set<String> found = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            JsonNode resource = acl.path("resource");
            String pattern = resource.path("patternType").asText("literal");
            if (!pattern.equals("literal") || resource.path("name").asText().contains("*") || acl.has("host") && !acl.get("host").asText().equals("*")) {
                found.add("not a plain literal ACL: " + acl);
                continue;
            }
            if (!acl.path("type").asText("allow").equals("allow")) {
                found.add("deny ACL: " + acl);
                continue;
            }
            acl.path("operations").forEach(op -> found.add(acl(resource.path("type").asText(), resource.path("name").asText(), op.asText())));
        }
        return found;
    }

    private static String acl(String type, String name, String operation) {
        return type + ":" + name + ":" + operation;
    }
}
