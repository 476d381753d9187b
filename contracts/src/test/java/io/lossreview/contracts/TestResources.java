package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiConsumer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Classpath helpers for tests (resources are plain directories under target/ when tests run). */
final class TestResources {

    private TestResources() {
    }

    static String text(String resource) {
        try (InputStream in = TestResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String resource) {
        try {
            return ContractJson.mapper().readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String resource) {
        return TestResources.class.getClassLoader().getResource(resource) != null;
    }

    /** Resource paths of all *.json files below a classpath directory, sorted, e.g. "examples/loss.month-analyzed/2025-03.json". */
    static List<String> jsonFiles(String directory) {
        URL url = TestResources.class.getClassLoader().getResource(directory);
        if (url == null) {
            return List.of();
        }
        try {
            Path root = Path.of(url.toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(p -> p.toString().endsWith(".json"))
                        .map(p -> directory + "/" + root.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls the visitor with every object in the tree and its JSON pointer, depth first. */
    static void walkObjects(JsonNode node, String path, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(path, node);
            node.properties().forEach(e -> walkObjects(e.getValue(), path + "/" + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkObjects(node.get(i), path + "/" + i, visitor);
            }
        }
    }
}
