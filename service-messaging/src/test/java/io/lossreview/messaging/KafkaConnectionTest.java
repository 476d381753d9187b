package io.lossreview.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every client gets the brokers and the connection's security from the kafka.* settings, and nothing else. */
class KafkaConnectionTest {

    @Test
    void theConnectionsSecurityGoesToEveryClientAndNothingElseDoes() {
        Map<String, Object> quarkus = Map.of("bootstrap.servers", "kafka:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "ScramLoginModule required;",
                "ssl.truststore.location", "/etc/ca.crt", "auto.offset.reset", "latest", "group.id", "someone-else");
        assertEquals(Map.of("bootstrap.servers", "kafka:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "ScramLoginModule required;",
                "ssl.truststore.location", "/etc/ca.crt"), KafkaConnection.settings(quarkus));
        assertEquals(Map.of("bootstrap.servers", "127.0.0.1:9092"),
                KafkaConnection.settings(Map.of("bootstrap.servers", "127.0.0.1:9092")));
    }
}
