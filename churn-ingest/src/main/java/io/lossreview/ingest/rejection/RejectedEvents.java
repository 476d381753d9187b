package io.lossreview.ingest.rejection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.rejection.EventRejected;
import io.lossreview.ingest.inbound.InboundEvent;
import io.lossreview.messaging.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Stores rejected events with their reasons; the caller publishes the returned dead letters. */
@ApplicationScoped
public class RejectedEvents {

    private static final String INSERT = """
            insert into rejected_event (id, received_at, channel, topic, kafka_partition, kafka_offset, event_id,
                event_source, event_type, customer_id, violations, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    public RejectedEvents(AgroalDataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    public List<OutboxMessage> record(List<InboundEvent> rejected) {
        List<OutboxMessage> deadLetters = new ArrayList<>();
        if (rejected.isEmpty()) {
            return deadLetters;
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (InboundEvent e : rejected) {
                String raw = e.rawPayload(); // decoded on each call: once here
                EventRejected r = new EventRejected(UUID.randomUUID().toString(), now, e.origin(), cut(e.id()),
                        cut(e.source()), cut(e.type()), cut(e.customerId()), e.violations().stream().limit(100).toList(),
                        EventRejected.truncate(raw));
                ps.setObject(1, UUID.fromString(r.rejectionId()));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, r.origin().channel().name());
                ps.setString(4, r.origin().topic());
                ps.setObject(5, r.origin().partition());
                ps.setObject(6, r.origin().offset());
                ps.setString(7, r.eventId());
                ps.setString(8, r.eventSource());
                ps.setString(9, r.eventType());
                ps.setString(10, r.customerId());
                ps.setString(11, mapper.writeValueAsString(r.violations()));
                ps.setString(12, raw == null ? "" : raw);
                ps.addBatch();
                deadLetters.add(new OutboxMessage(Topics.LOSS_REJECTED, r.customerId(), EventTypes.EVENT_REJECTED, r));
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException ex) {
            throw new IllegalStateException("Could not store rejected events", ex);
        }
        return deadLetters;
    }

    /** The dead-letter contract caps these attributes; the full payload stays in the table. */
    private static String cut(String value) {
        return value == null || value.length() <= 256 ? value : value.substring(0, 256);
    }
}
