package io.lossreview.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.Violation;
import io.lossreview.contracts.rejection.EventRejected;
import io.lossreview.contracts.rejection.RejectionOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Stores an event a consumer cannot use, in the caller's transaction, and puts its dead letter on
 * loss.rejected through the outbox: the bad event is kept and announced, the batch goes on.
 */
@ApplicationScoped
public class DeadLetters {

    private static final String INSERT = """
            insert into dead_letter (id, received_at, consumer, topic, kafka_partition, kafka_offset, event_id,
                event_type, violations, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""";

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DeadLetters(AgroalDataSource dataSource, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A record that could not be used, with what was readable of it and every broken rule. */
    public record DeadLetter(ConsumerRecord<String, String> record, String eventId, String eventType,
                             List<Violation> violations) {
    }

    /** Gives up on one event the code cannot process, in its own transaction: kept and announced. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String consumer, ContractEventReader.Read read, RuntimeException failure) {
        String id = read.event() == null ? null : read.event().id();
        String type = read.event() == null ? null : read.event().type();
        record(consumer, List.of(new DeadLetter(read.record(), id, type, List.of(new Violation("",
                "processing-error", "The event could not be processed: " + failure.getMessage())))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String consumer, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (DeadLetter d : letters) {
                ConsumerRecord<String, String> r = d.record();
                String payload = r.value() == null ? "" : r.value();
                EventRejected rejected = new EventRejected(UUID.randomUUID().toString(), now,
                        RejectionOrigin.kafka(r.topic(), r.partition(), r.offset()), d.eventId(), null, d.eventType(),
                        r.key(), d.violations(), EventRejected.truncate(payload));
                ps.setObject(1, UUID.fromString(rejected.rejectionId()));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, consumer);
                ps.setString(4, r.topic());
                ps.setInt(5, r.partition());
                ps.setLong(6, r.offset());
                ps.setString(7, d.eventId());
                ps.setString(8, d.eventType());
                ps.setString(9, mapper.writeValueAsString(d.violations()));
                ps.setString(10, payload);
                ps.addBatch();
                outbox.add(new OutboxMessage(Topics.LOSS_REJECTED, r.key(), EventTypes.EVENT_REJECTED, rejected));
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not store dead letters", e);
        }
    }
}
