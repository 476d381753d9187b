package io.lossreview.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Run with one of the nested profiles: the service stays live but must not report ready while
 * Kafka or its database is unreachable.
 */
public abstract class DependencyOutageTest {

    /** Kafka points at a port nothing listens on. */
    public static class KafkaUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1");
        }
    }

    /** The database points at a port nothing listens on; migrations cannot run then. */
    public static class DatabaseUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/unreachable",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.flyway.clean-at-start", "false",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2s",
                    "quarkus.hibernate-orm.schema-management.strategy", "none");
        }
    }

    @Test
    void liveButNotReady() {
        Management.given().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                Management.given().get("/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));
    }
}
