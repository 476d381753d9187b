package io.lossreview.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.ContractExamples;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.ContractSchemas;
import io.lossreview.messaging.Outbox;
import io.lossreview.messaging.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One event, written to the outbox in a transaction, reaches the real broker through the relay as
 * a valid CloudEvent of its contract, and its row is marked sent.
 */
public abstract class OutboxRoundTripTest {

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "loss.topic-prefix")
    String topicPrefix;

    /** The contract topic this service publishes on. */
    protected abstract String topic();

    /** The CloudEvent type it publishes there. */
    protected abstract String eventType();

    /** The name of a contract example of that type, which supplies the data. */
    protected abstract String example();

    @Test
    void outboxEventRoundTripsThroughTheBroker() throws IOException {
        String key = "roundtrip-" + UUID.randomUUID();
        JsonNode data = ContractExamples.data(eventType(), example());
        UUID id = QuarkusTransaction.requiringNew()
                .call(() -> outbox.add(new OutboxMessage(topic(), key, eventType(), data)));

        List<ConsumerRecord<String, String>> records = new TestKafka(topicPrefix)
                .await(topic(), 1, r -> key.equals(r.key()), Duration.ofSeconds(30));

        JsonNode envelope = ContractJson.mapper().readTree(records.get(0).value());
        assertEquals(id.toString(), envelope.get("id").asText());
        assertEquals(eventType(), envelope.get("type").asText());
        assertEquals(data, envelope.get("data"));
        assertEquals(List.of(), ContractSchemas.get().validateEnvelope(envelope));
        assertEquals(List.of(), ContractSchemas.get().validateData(eventType(), envelope.get("data")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !waitingToBeSent(id));
    }

    /** The relay deletes a row once Kafka has it (or, with loss.outbox.keep-sent, marks it sent). */
    private boolean waitingToBeSent(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from outbox where event_id = ? and sent_at is null")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
