package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nothing an operator must provide is left to guesswork: every Secret the manifests use is rendered, made by an
 * operator from a rendered resource, or listed with its keys in docs/kubernetes.md; every placeholder value
 * left in an overlay is listed there too.
 */
class SecretsAndPlaceholdersTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;
    static final String DOC = "docs/kubernetes.md";

    /** Secrets the operators write: Strimzi's cluster CA certificate, CloudNativePG's CA. KafkaUsers' come from their names. */
    private static final Set<String> OPERATOR_SECRETS = Set.of("loss-review-cluster-ca-cert", "loss-review-db-ca");
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Za-z0-9.:/_@-]*(example\\.com|replace-me|192\\.0\\.2\\.)[A-Za-z0-9.:/_@-]*");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretIsRenderedMadeByAnOperatorOrDocumented(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Set<String> made = new TreeSet<>(OPERATOR_SECRETS);
        rendered.ofKind("KafkaUser").forEach(u -> made.add(u.at("/metadata/name").asText()));
        rendered.ofKind("Secret").forEach(s -> made.add(s.at("/metadata/name").asText()));
        String doc = Repo.text(DOC);
        Map<String, String> undocumented = new TreeMap<>();
        used(rendered).forEach((secret, keys) -> {
            if (made.contains(secret)) {
                return;
            }
            String row = doc.lines().filter(l -> l.startsWith("|") && l.contains("`" + secret + "`")).findFirst().orElse("");
            Set<String> missing = new TreeSet<>();
            keys.stream().filter(k -> !row.contains("`" + k + "`")).forEach(missing::add);
            if (row.isEmpty() || !missing.isEmpty()) {
                undocumented.put(secret, row.isEmpty() ? "no table row naming it" : "keys not in its row: " + missing);
            }
        });
        assertEquals(Map.of(), undocumented, overlay + ": Secrets to list in " + DOC + " (a table row: `name`, then each `key`)");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPlaceholderIsDocumented(String overlay) {
        String doc = Repo.text(DOC);
        Set<String> undocumented = new TreeSet<>();
        for (JsonNode object : Rendered.overlay(overlay).objects) {
            Matcher m = PLACEHOLDER.matcher(object.toString());
            while (m.find()) {
                if (!doc.contains(m.group())) {
                    undocumented.add(m.group());
                }
            }
        }
        assertEquals(Set.of(), undocumented, overlay + ": placeholder values to list in " + DOC + ", \"Placeholders\"");
    }

    /** Secret name -> the keys read from it, wherever the rendered objects refer to one. */
    private static Map<String, Set<String>> used(Rendered rendered) {
        Map<String, Set<String>> used = new TreeMap<>();
        for (JsonNode d : rendered.ofKind("Deployment")) {
            JsonNode pod = d.at("/spec/template/spec");
            for (JsonNode c : pod.path("containers")) {
                for (JsonNode env : c.path("env")) {
                    JsonNode ref = env.at("/valueFrom/secretKeyRef");
                    if (!ref.isMissingNode()) {
                        add(used, ref.path("name").asText(), ref.path("key").asText());
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                JsonNode secret = volume.path("secret");
                if (!secret.isMissingNode()) {
                    secret.path("items").forEach(i -> add(used, secret.path("secretName").asText(), i.path("key").asText()));
                    if (!secret.has("items")) {
                        add(used, secret.path("secretName").asText(), "*");
                    }
                }
            }
        }
        for (JsonNode ingress : rendered.ofKind("Ingress")) {
            ingress.at("/spec/tls").forEach(t -> {
                add(used, t.path("secretName").asText(), "tls.crt");
                add(used, t.path("secretName").asText(), "tls.key");
            });
        }
        for (JsonNode cluster : rendered.ofKind("Cluster")) {
            cluster.at("/spec/managed/roles").forEach(r -> {
                add(used, r.at("/passwordSecret/name").asText(), "username");
                add(used, r.at("/passwordSecret/name").asText(), "password");
            });
        }
        for (JsonNode store : rendered.ofKind("ObjectStore")) {
            store.at("/spec/configuration/s3Credentials").forEach(ref -> add(used, ref.path("name").asText(), ref.path("key").asText()));
        }
        for (JsonNode auth : rendered.ofKind("TriggerAuthentication")) {
            auth.at("/spec/secretTargetRef").forEach(ref -> add(used, ref.path("name").asText(), ref.path("key").asText()));
        }
        return used;
    }

    private static void add(Map<String, Set<String>> used, String secret, String key) {
        used.computeIfAbsent(secret, s -> new TreeSet<>()).add(key);
    }
}
