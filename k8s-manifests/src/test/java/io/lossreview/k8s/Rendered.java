package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * deploy/k8s's overlays as {@code kubectl kustomize} renders them: exactly what {@code kubectl apply -k} would
 * send. Rendered once per test run and overlay. kubectl is required: CI has it, and a missing kubectl fails
 * every test here rather than skipping them.
 */
final class Rendered {

    /** Every overlay: each must render, validate and keep the rules. */
    static final List<String> OVERLAYS = List.of("production", "dev");

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    final String overlay;
    final List<JsonNode> objects;

    private Rendered(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static Rendered overlay(String overlay) {
        return CACHE.computeIfAbsent(overlay, o -> new Rendered(o, Repo.yamlDocuments(kustomize("deploy/k8s/overlays/" + o))));
    }

    static Rendered production() {
        return overlay("production");
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode get(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(overlay + ": no " + kind + " named " + name));
    }

    /** The ConfigMap a generated name (with kustomize's hash suffix) refers to, by its base name. */
    JsonNode configMap(String renderedName) {
        return get("ConfigMap", renderedName);
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    private static String kustomize(String directory) {
        ProcessBuilder builder = new ProcessBuilder("kubectl", "kustomize", Repo.path(directory).toString());
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render deploy/k8s (kubectl kustomize, offline): install kubectl "
                    + "1.27 or newer and put it on the PATH. The build does not skip these tests: CI has kubectl. (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
