package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's pods: non-root with a read-only root filesystem and a writable /tmp, no Kubernetes token, a
 * memory limit that holds the image's heap, spread over nodes and zones, and a disruption budget.
 */
class WorkloadTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;
    /** Room beside the heap for metaspace, code cache, threads and direct buffers. */
    static final long NON_HEAP_MIB = 256;

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([mMgG])");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsRunLockedDown(String overlay) {
        for (String service : Services.NAMES) {
            Workload w = Workload.of(Rendered.overlay(overlay), service);
            String where = overlay + " " + service + ": ";
            JsonNode pod = w.podSpec();
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(false), where + "runAsNonRoot");
            assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(), where + "seccomp");
            assertEquals(false, pod.path("automountServiceAccountToken").asBoolean(true), where + "no API token");
            JsonNode sc = w.container().path("securityContext");
            assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(false), where + "read-only root filesystem");
            assertEquals(false, sc.path("allowPrivilegeEscalation").asBoolean(true), where + "no privilege escalation");
            assertEquals("[\"ALL\"]", sc.at("/capabilities/drop").toString(), where + "capabilities dropped");
            String tmp = stream(w.container().path("volumeMounts")).filter(m -> m.path("mountPath").asText().equals("/tmp"))
                    .map(m -> m.path("name").asText()).findFirst().orElse("");
            assertTrue(stream(pod.path("volumes")).anyMatch(v -> v.path("name").asText().equals(tmp) && v.has("emptyDir")),
                    where + "an emptyDir on /tmp");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theMemoryLimitHoldsTheImagesHeap(String overlay) {
        for (String service : Services.NAMES) {
            Workload w = Workload.of(Rendered.overlay(overlay), service);
            long heap = heapMib(service);
            JsonNode resources = w.container().path("resources");
            long limit = mebibytes(resources.at("/limits/memory").asText());
            assertTrue(limit >= heap + NON_HEAP_MIB, overlay + " " + service + ": a memory limit of " + limit + " MiB for a "
                    + heap + " MiB heap (" + service + "/pom.xml) leaves less than " + NON_HEAP_MIB + " MiB beside it");
            assertEquals(limit, mebibytes(resources.at("/requests/memory").asText()), service + ": memory request = limit");
            assertTrue(resources.at("/requests/cpu").isTextual(), service + ": a CPU request");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsSpreadAndHaveADisruptionBudget(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (String service : Services.NAMES) {
            Workload w = Workload.of(rendered, service);
            List<String> keys = stream(w.podSpec().path("topologySpreadConstraints")).map(c -> c.path("topologyKey").asText()).toList();
            assertEquals(List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"), keys, overlay + " " + service);
            JsonNode pdb = rendered.get("PodDisruptionBudget", service);
            assertEquals(w.deployment().at("/spec/selector/matchLabels"), pdb.at("/spec/selector/matchLabels"), service + ": the PDB selects its pods");
            assertEquals(1, pdb.at("/spec/maxUnavailable").asInt(), service + ": one pod away at a time");
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    /** The -Xmx of the service's image (its pom's quarkus.jib.jvm-additional-arguments). */
    static long heapMib(String service) {
        String pom = Repo.text(service + "/pom.xml");
        int start = pom.indexOf("<quarkus.jib.jvm-additional-arguments>");
        assertTrue(start >= 0, service + "/pom.xml sets no quarkus.jib.jvm-additional-arguments");
        Matcher m = XMX.matcher(pom.substring(start, pom.indexOf("</quarkus.jib.jvm-additional-arguments>", start)));
        assertTrue(m.find(), service + ": the image has no -Xmx");
        long value = Long.parseLong(m.group(1));
        return m.group(2).equalsIgnoreCase("g") ? value * 1024 : value;
    }

    static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertTrue(m.matches(), "a memory quantity in Mi or Gi: " + quantity);
        long value = Long.parseLong(m.group(1));
        return m.group(2).equals("Gi") ? value * 1024 : value;
    }
}
