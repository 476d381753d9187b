package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network policies allow exactly the architecture's flows. The expected flows come from the services'
 * configuration (a datasource means a flow to PostgreSQL, kafka.bootstrap.servers to Kafka, each REST client's
 * URL to that service, the OIDC server to the identity provider, the mailer to the SMTP relay, and DNS for
 * all), plus who reaches them (the ingress controller the gateway, Prometheus the management ports) and the
 * operators' own flows to their pods. The allowed flows are evaluated from the rendered policies as Kubernetes
 * does: a flow between two pods needs the source's egress and the destination's ingress, and a port nothing
 * listens on carries no flow. Strimzi's generated policy for the brokers is modelled from the listener's
 * networkPolicyPeers.
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    /** The brokers and the PostgreSQL instances, by the labels their operators give their pods. */
    private static final Map<String, Map<String, String>> OPERATOR_PODS = Map.of(
            "kafka", Map.of("strimzi.io/cluster", "loss-review", "strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true",
                    "strimzi.io/pool-name", "brokers", "strimzi.io/name", "loss-review-kafka"),
            "postgres", Map.of("cnpg.io/cluster", "loss-review-db", "cnpg.io/podRole", "instance"));
    private static final Map<String, Set<String>> OPERATOR_POD_PORTS = Map.of(
            "kafka", Set.of("9093/TCP"), "postgres", Set.of("5432/TCP", "8000/TCP", "9187/TCP"));

    /** Flows the operators need, not the services: KEDA reads lag; CloudNativePG replicates and manages; metrics. */
    private static final Set<String> OPERATIONAL = Set.of(
            "ns:keda -> kafka:9093/TCP",
            "postgres -> postgres:5432/TCP", "postgres -> postgres:8000/TCP",
            "ns:cnpg-system -> postgres:5432/TCP", "ns:cnpg-system -> postgres:8000/TCP",
            "ns:monitoring -> postgres:9187/TCP");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void thePoliciesAllowExactlyTheArchitecturesFlows(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertEquals(expected(rendered), allowed(rendered), overlay + ": allowed flows");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodIsDeniedByDefault(String overlay) {
        JsonNode deny = Rendered.overlay(overlay).get("NetworkPolicy", "default-deny-ingress").path("spec");
        assertTrue(deny.path("podSelector").isEmpty() && !deny.has("ingress") && deny.path("policyTypes").toString().equals("[\"Ingress\"]"),
                "default-deny-ingress must select every pod and admit nothing: " + deny);
    }

    private static Set<String> expected(Rendered rendered) {
        Set<String> flows = new TreeSet<>(OPERATIONAL);
        for (String name : Services.NAMES) {
            Services service = Services.of(name);
            Map<String, String> env = Workload.of(rendered, name).literals();
            flows.add(name + " -> ns:kube-system:53/UDP");
            flows.add(name + " -> ns:kube-system:53/TCP");
            flows.add("ns:monitoring -> " + name + ":" + service.managementPort(env) + "/TCP");
            if (service.property("quarkus.datasource.jdbc.url").isPresent()) {
                URI db = URI.create(service.resolve("quarkus.datasource.jdbc.url", env).substring("jdbc:".length()));
                assertEquals("loss-review-db-rw", db.getHost(), name + ": the database is CloudNativePG's primary service");
                flows.add(name + " -> postgres:" + db.getPort() + "/TCP");
            }
            if (service.property("kafka.bootstrap.servers").isPresent()) {
                String server = service.resolve("kafka.bootstrap.servers", env);
                assertTrue(server.startsWith("loss-review-kafka-bootstrap:"), name + ": the brokers are Strimzi's bootstrap service");
                flows.add(name + " -> kafka:" + server.substring(server.indexOf(':') + 1) + "/TCP");
            }
            service.properties().keySet().stream().filter(k -> k.matches("quarkus\\.rest-client\\.[a-z-]+\\.url")).forEach(k -> {
                URI url = URI.create(service.resolve(k, env));
                assertTrue(Services.NAMES.contains(url.getHost()), name + ": " + k + " should name a service: " + url);
                flows.add(name + " -> " + url.getHost() + ":" + url.getPort() + "/TCP");
            });
            if (service.property("quarkus.oidc.auth-server-url").isPresent()) {
                URI idp = URI.create(service.resolve("quarkus.oidc.auth-server-url", env));
                flows.add(name + " -> external:identity-provider:" + (idp.getPort() > 0 ? idp.getPort() : 443) + "/TCP");
            }
            if (service.property("quarkus.mailer.host").isPresent()) {
                flows.add(name + " -> external:smtp-relay:" + service.resolve("quarkus.mailer.port", env) + "/TCP");
            }
        }
        Services gateway = Services.of("api-gateway");
        flows.add("ns:ingress-controller -> api-gateway:" + gateway.httpPort(Workload.of(rendered, "api-gateway").literals()) + "/TCP");
        return flows;
    }

    private static Set<String> allowed(Rendered rendered) {
        Map<String, JsonNode> pods = new LinkedHashMap<>();
        Map<String, Set<String>> listening = new LinkedHashMap<>();
        for (String name : Services.NAMES) {
            Workload workload = Workload.of(rendered, name);
            pods.put(name, workload.podLabels());
            Set<String> ports = new TreeSet<>();
            workload.container().path("ports").forEach(p -> ports.add(p.path("containerPort").asInt() + "/" + p.path("protocol").asText("TCP")));
            listening.put(name, ports);
        }
        OPERATOR_PODS.forEach((name, labels) -> pods.put(name, Repo.JSON.valueToTree(labels)));
        listening.putAll(OPERATOR_POD_PORTS);

        List<JsonNode> policies = new ArrayList<>(rendered.ofKind("NetworkPolicy"));
        policies.add(strimziListenerPolicy(rendered));

        Set<String> flows = new TreeSet<>();
        for (String source : Services.NAMES) {
            for (String[] rule : rules(policies, pods.get(source), "Egress", "egress", "to", pods)) {
                String peer = rule[0];
                String port = rule[1];
                if (pods.containsKey(peer)) {
                    boolean admitted = rules(policies, pods.get(peer), "Ingress", "ingress", "from", pods).stream()
                            .anyMatch(r -> (r[0].equals(source) || r[0].equals("*")) && (r[1].equals(port) || r[1].equals("*")));
                    if (admitted && (port.equals("*") || listening.get(peer).contains(port))) {
                        flows.add(source + " -> " + peer + ":" + port);
                    } else if (admitted) {
                        continue; // a port nothing listens on: no flow
                    }
                } else {
                    flows.add(source + " -> " + peer + ":" + port);
                }
            }
        }
        // Who reaches the pods from outside the services (other namespaces, the operators' pods themselves).
        for (Map.Entry<String, JsonNode> pod : pods.entrySet()) {
            for (String[] rule : rules(policies, pod.getValue(), "Ingress", "ingress", "from", pods)) {
                if (!Services.NAMES.contains(rule[0]) && (rule[1].equals("*") || listening.get(pod.getKey()).contains(rule[1]))) {
                    flows.add(rule[0] + " -> " + pod.getKey() + ":" + rule[1]);
                }
            }
        }
        return flows;
    }

    /**
     * The [peer, port] pairs the policies selecting a pod allow in one direction; [*, *] when no policy of that
     * type selects it (not isolated). Peers: a pod name, ns:NAME, external:NAME (an ipBlock, named by its
     * policy's loss-review.io/external-peer annotation), or * for anyone.
     */
    private static List<String[]> rules(List<JsonNode> policies, JsonNode podLabels, String type, String direction, String peersField,
                                        Map<String, JsonNode> pods) {
        List<String[]> result = new ArrayList<>();
        boolean isolated = false;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!matches(spec.path("podSelector"), podLabels) || !spec.path("policyTypes").toString().contains("\"" + type + "\"")) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : spec.path(direction)) {
                List<String> peers = new ArrayList<>();
                if (!rule.has(peersField)) {
                    peers.add("*");
                }
                for (JsonNode peer : rule.path(peersField)) {
                    peers.addAll(peers(policy, peer, pods));
                }
                List<String> ports = new ArrayList<>();
                if (!rule.has("ports")) {
                    ports.add("*");
                }
                for (JsonNode port : rule.path("ports")) {
                    assertTrue(port.path("port").isInt() && !port.has("endPort"), Rendered.describe(policy) + ": use single numeric ports");
                    ports.add(port.path("port").asInt() + "/" + port.path("protocol").asText("TCP"));
                }
                peers.forEach(p -> ports.forEach(q -> result.add(new String[] {p, q})));
            }
        }
        if (!isolated) {
            result.add(new String[] {"*", "*"});
        }
        return result;
    }

    private static List<String> peers(JsonNode policy, JsonNode peer, Map<String, JsonNode> pods) {
        if (peer.has("ipBlock")) {
            return List.of("external:" + policy.at("/metadata/annotations/loss-review.io~1external-peer").asText("unnamed " + peer.at("/ipBlock/cidr").asText()));
        }
        if (peer.has("namespaceSelector")) {
            JsonNode labels = peer.at("/namespaceSelector/matchLabels");
            assertTrue(labels.has("kubernetes.io/metadata.name") && labels.size() == 1 && !peer.at("/namespaceSelector").has("matchExpressions"),
                    Rendered.describe(policy) + ": select namespaces by kubernetes.io/metadata.name");
            return List.of("ns:" + labels.get("kubernetes.io/metadata.name").asText());
        }
        List<String> selected = new ArrayList<>();
        pods.forEach((name, labels) -> {
            if (matches(peer.path("podSelector"), labels)) {
                selected.add(name);
            }
        });
        return selected;
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        assertTrue(!selector.has("matchExpressions"), "the test reads matchLabels only: " + selector);
        for (var it = selector.path("matchLabels").fields(); it.hasNext(); ) {
            var label = it.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** What Strimzi generates for the brokers: the client listener admits its networkPolicyPeers. */
    private static JsonNode strimziListenerPolicy(Rendered rendered) {
        JsonNode listener = rendered.get("Kafka", "loss-review").at("/spec/kafka/listeners/0");
        var policy = Repo.JSON.createObjectNode();
        policy.putObject("metadata").put("name", "strimzi-generated-listener-policy");
        var spec = policy.putObject("spec");
        spec.putObject("podSelector").set("matchLabels", Repo.JSON.valueToTree(Map.of("strimzi.io/cluster", "loss-review")));
        spec.putArray("policyTypes").add("Ingress");
        var rule = spec.putArray("ingress").addObject();
        if (listener.has("networkPolicyPeers")) {
            rule.set("from", listener.get("networkPolicyPeers"));
        }
        rule.putArray("ports").addObject().put("port", listener.path("port").asInt()).put("protocol", "TCP");
        return policy;
    }
}
