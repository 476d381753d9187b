package io.lossreview.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped Prometheus alert rules and Grafana dashboard (deploy/observability) parse, and every
 * metric they name is one a running consuming service really exposes.
 */
public final class ObservabilityFiles {

    static final Path DIR = Path.of("..", "deploy", "observability");
    private static final Pattern METRIC = Pattern.compile("\\bloss_[a-z_]+\\b");

    private ObservabilityFiles() {
    }

    /** Metric names used by the alert rules and the dashboard's queries. */
    public static Set<String> metricsNamed() throws IOException {
        Set<String> names = new TreeSet<>();
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(DIR.resolve("prometheus-alerts.yaml")));
        assertTrue(rules.path("groups").isArray() && !rules.path("groups").isEmpty(), "alert rules have groups");
        for (JsonNode group : rules.get("groups")) {
            assertFalse(group.path("name").asText().isEmpty(), "each group is named");
            for (JsonNode rule : group.path("rules")) {
                assertFalse(rule.path("alert").asText().isEmpty(), "each rule is an alert");
                assertTrue(rule.path("labels").has("severity"), rule.path("alert").asText() + " has a severity");
                names.addAll(metrics(rule.path("expr").asText()));
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DIR.resolve("grafana-dashboard.json")));
        assertFalse(dashboard.path("title").asText().isEmpty(), "the dashboard has a title");
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                names.addAll(metrics(target.path("expr").asText()));
            }
        }
        assertFalse(names.isEmpty(), "the files name metrics");
        return names;
    }

    /** The names not found in a /q/metrics text (empty when all are exposed). */
    public static Set<String> missingFrom(String prometheusText) throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String name : metricsNamed()) {
            if (!Pattern.compile("(?m)^" + name + "[{ ]").matcher(prometheusText).find()) {
                missing.add(name);
            }
        }
        return missing;
    }

    static void assertAllExposed(String prometheusText) throws IOException {
        assertEquals(Set.of(), missingFrom(prometheusText), "metrics named in deploy/observability but not exposed");
    }

    private static Set<String> metrics(String expr) {
        Set<String> found = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
