package io.lossreview.messaging;

import java.util.HashMap;
import java.util.Map;

/**
 * How every Kafka client of a service reaches the brokers: the bootstrap servers and the connection's security
 * (TLS, SASL/SCRAM) from Quarkus's {@code kafka.*} settings ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_*} and the like), so a
 * broker that wants a login gets one from the consumers, the outbox relay and the admin clients alike. Nothing else
 * is taken from those settings: each client sets its own behaviour.
 */
final class KafkaConnection {

    private KafkaConnection() {
    }

    /** A new, mutable client configuration holding just the connection settings. */
    static Map<String, Object> settings(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafkaConfig.get("bootstrap.servers"));
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                config.put(key, value);
            }
        });
        return config;
    }
}
