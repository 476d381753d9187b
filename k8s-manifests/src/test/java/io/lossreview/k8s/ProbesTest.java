package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Probes ask the paths the services serve health on, on the port they serve it on (the management interface,
 * as the service's configuration resolves it with the pod's environment), and the services listen where the
 * pod can be reached.
 */
class ProbesTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesAskTheHealthPathsOnTheManagementPort(String overlay) {
        for (String name : Services.NAMES) {
            Workload workload = Workload.of(Rendered.overlay(overlay), name);
            Services service = Services.of(name);
            Map<String, String> env = workload.literals();
            int management = service.managementPort(env);
            String live = healthPath(service, "liveness-path", "live");
            String ready = healthPath(service, "readiness-path", "ready");
            assertProbe(workload, "livenessProbe", live, management);
            assertProbe(workload, "readinessProbe", ready, management);
            // Start-up waits for liveness: a slow start (the analyzer's model) is not a failed one.
            assertProbe(workload, "startupProbe", live, management);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theServicesListenWhereThePodIsReached(String overlay) {
        for (String name : Services.NAMES) {
            Workload workload = Workload.of(Rendered.overlay(overlay), name);
            Services service = Services.of(name);
            Map<String, String> env = workload.literals();
            assertEquals("true", service.resolve("quarkus.management.enabled", env), name + ": management interface");
            assertEquals("0.0.0.0", service.resolve("quarkus.management.host", env), overlay + " " + name + " management host");
            // Quarkus listens on all interfaces in production unless quarkus.http.host says otherwise.
            if (service.property("quarkus.http.host").isPresent()) {
                assertEquals("0.0.0.0", service.resolve("quarkus.http.host", env), overlay + " " + name + " HTTP host");
            }
            assertEquals(service.httpPort(env), workload.port(Repo.JSON.getNodeFactory().textNode("http")), name + " http port");
            assertEquals(service.managementPort(env), workload.port(Repo.JSON.getNodeFactory().textNode("management")), name + " management port");
            JsonNode servicePorts = Rendered.overlay(overlay).get("Service", name).path("spec").path("ports");
            for (JsonNode port : servicePorts) {
                int target = workload.port(port.path("targetPort"));
                assertEquals(port.path("port").asInt(), target, overlay + ": Service " + name + " port " + port.path("name").asText()
                        + " should expose the container port under the same number (clients use the service's own port)");
            }
        }
    }

    private static void assertProbe(Workload workload, String probe, String path, int port) {
        JsonNode get = workload.container().path(probe).path("httpGet");
        String where = workload.rendered().overlay + " " + workload.service() + " " + probe;
        assertTrue(get.isObject(), where + " must be an HTTP probe");
        assertEquals(path, get.path("path").asText(), where + " path");
        assertEquals(port, workload.port(get.path("port")), where + " port (the management port)");
    }

    /** /q/health/live unless the service moved Quarkus's non-application root, the health root or the path. */
    private static String healthPath(Services service, String key, String fallback) {
        String root = strip(service.property("quarkus.http.non-application-root-path").orElse("q"));
        String health = strip(service.property("quarkus.smallrye-health.root-path").orElse("health"));
        String leaf = strip(service.property("quarkus.smallrye-health." + key).orElse(fallback));
        return "/" + root + "/" + health + "/" + leaf;
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }
}
