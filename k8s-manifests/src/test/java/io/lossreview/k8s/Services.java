package io.lossreview.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four services as their own configuration describes them: each service's
 * src/main/resources/application.properties plus service-common's microprofile-config.properties (which every
 * service inherits), profile-specific lines (%test., %dev.) left out. The rule tests derive what the manifests
 * must say from these files, so a new setting, port or client shows up here first.
 */
record Services(String name, Map<String, String> properties) {

    static final List<String> NAMES = List.of("churn-ingest", "defection-analyzer", "review-scheduler", "api-gateway");
    /** The services that consume and publish through Kafka (the gateway has none). */
    static final List<String> KAFKA_USERS = List.of("churn-ingest", "defection-analyzer", "review-scheduler");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    static Services of(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("not a service: " + name);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.putAll(parse(Repo.text("service-common/src/main/resources/META-INF/microprofile-config.properties")));
        properties.putAll(parse(Repo.text(name + "/src/main/resources/application.properties")));
        return new Services(name, properties);
    }

    /** The environment variables the service reads through ${VAR} or ${VAR:default} (outside test profiles). */
    Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        for (String value : properties.values()) {
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                if (ENV_NAME.matcher(m.group(1)).matches()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /**
     * A property's value with its ${VAR:default} references resolved against the given environment (then the
     * default); other ${property} references against the service's own properties.
     */
    String resolve(String key, Map<String, String> environment) {
        String raw = property(key).orElseThrow(() -> new IllegalStateException(name + " has no property " + key));
        return resolveValue(raw, environment, 0);
    }

    private String resolveValue(String raw, Map<String, String> environment, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("reference loop in " + raw);
        }
        Matcher m = REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String value = environment.containsKey(ref) ? environment.get(ref)
                    : properties.containsKey(ref) ? resolveValue(properties.get(ref), environment, depth + 1)
                    : m.group(2) != null ? m.group(2) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Its HTTP and management ports as configured by default (the manifests must set the same). */
    int httpPort(Map<String, String> environment) {
        return Integer.parseInt(resolve("quarkus.http.port", environment));
    }

    int managementPort(Map<String, String> environment) {
        return Integer.parseInt(resolve("quarkus.management.port", environment));
    }

    /** The consumer group every consumer thread of the service joins (service-messaging's Consumers). */
    String consumerGroup() {
        return property("loss.consumer.group-id").orElseGet(() -> property("quarkus.application.name").orElseThrow());
    }

    /** Plain key=value lines; comments, blank lines and profile-specific keys left out; no continuation lines. */
    static Map<String, String> parse(String text) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || trimmed.startsWith("%")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0 || trimmed.endsWith("\\")) {
                throw new IllegalStateException("unexpected properties line: " + line);
            }
            properties.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
        }
        return properties;
    }
}
