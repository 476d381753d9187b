package io.lossreview.k8s;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed Strimzi CRDs are those of the io.strimzi:api version this module depends on: Strimzi's
 * CrdGenerator makes them from that artifact's classes (k8s-manifests/README.md shows how to regenerate them).
 * Moving the dependency without the CRDs, or the CRDs without the dependency, fails here.
 */
class StrimziCrdVersionTest {

    @Test
    void theCommittedCrdsAreTheDependencysVersion() throws IOException {
        assertEquals(properties("META-INF/maven/io.strimzi/api/pom.properties").getProperty("version"),
                properties("schemas/sources.properties").getProperty("strimzi"),
                "io.strimzi:api and schemas/crds/strimzi must be the same Strimzi release");
    }

    @Test
    void everyStrimziKindWeRenderHasItsV1Crd() {
        for (String kind : new String[] {"Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser"}) {
            assertTrue(Schemas.get().knows("kafka.strimzi.io/v1", kind), kind);
        }
    }

    private static Properties properties(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Repo.resource(resource)) {
            properties.load(in);
        }
        return properties;
    }
}
