package io.lossreview.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each service's container gets every environment variable its configuration reads (each ${VAR} of its
 * application.properties and service-common's) and nothing it does not read: a variable may also be one the
 * README's configuration table documents for that service, or one of the platform settings below.
 */
class EnvironmentTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    /**
     * Settings Quarkus reads by itself (no ${VAR} in application.properties) that a cluster needs: the Kafka
     * client's TLS and SCRAM settings (KAFKA_X is the client property x, handed to service-messaging's clients),
     * and, behind the Ingress, the gateway's forwarded-header handling. See docs/kubernetes.md, "Configure".
     */
    static final Set<String> KAFKA_CLIENT_SECURITY = Set.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_LOCATION");
    static final Set<String> BEHIND_A_PROXY = Set.of("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",
            "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceGetsExactlyTheVariablesItReads(String overlay) {
        Map<String, String> problems = new TreeMap<>();
        for (String service : Services.NAMES) {
            Workload workload = Workload.of(Rendered.overlay(overlay), service);
            Set<String> given = workload.environment().keySet();
            Set<String> required = Services.of(service).environmentVariables();
            Set<String> allowed = new TreeSet<>(required);
            allowed.addAll(Readme.documentedFor(service));
            if (Services.KAFKA_USERS.contains(service)) {
                allowed.addAll(KAFKA_CLIENT_SECURITY);
            }
            if (service.equals("api-gateway")) {
                allowed.addAll(BEHIND_A_PROXY);
            }
            Set<String> missing = new TreeSet<>(required);
            missing.removeAll(given);
            Set<String> unread = new TreeSet<>(given);
            unread.removeAll(allowed);
            if (!missing.isEmpty() || !unread.isEmpty() || !workload.duplicates().isEmpty()) {
                problems.put(service, "missing " + missing + ", not read by the service " + unread + ", given twice " + workload.duplicates());
            }
        }
        assertEquals(Map.of(), problems, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theKafkaUsersGetTheWholeClientSecurity(String overlay) {
        for (String service : Services.KAFKA_USERS) {
            Set<String> given = Workload.of(Rendered.overlay(overlay), service).environment().keySet();
            assertEquals(KAFKA_CLIENT_SECURITY, intersection(given, KAFKA_CLIENT_SECURITY), overlay + " " + service);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void settingsTheServicesShareHaveOneValue(String overlay) {
        for (String shared : List.of("BUSINESS_TIME_ZONE", "REPORTING_CURRENCY", "KAFKA_BOOTSTRAP_SERVERS")) {
            Set<String> values = new TreeSet<>();
            for (String service : Services.NAMES) {
                String value = Workload.of(Rendered.overlay(overlay), service).literals().get(shared);
                if (value != null) {
                    values.add(value);
                }
            }
            assertEquals(1, values.size(), overlay + ": " + shared + " differs between services: " + values);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void secretsComeFromSecrets(String overlay) {
        Set<String> secret = Set.of("DB_PASSWORD", "DB_USER", "OIDC_WEB_CLIENT_SECRET", "STRIPE_WEBHOOK_SECRET", "KAFKA_SASL_JAAS_CONFIG");
        for (String service : Services.NAMES) {
            Workload.of(Rendered.overlay(overlay), service).environment().forEach((name, source) -> {
                if (secret.contains(name) && !source.fromSecret()) {
                    throw new AssertionError(overlay + ": " + service + " " + name + " must come from a Secret");
                }
            });
        }
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }
}
