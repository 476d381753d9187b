package io.lossreview.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.CloudEventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event exists if and
 * only if the change it describes was committed. The {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT =
            "insert into outbox (topic, event_key, event_id, event_type, payload, origin_at) values (?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String source;

    public Outbox(AgroalDataSource dataSource, ObjectMapper mapper, Clock clock,
                  MessagingSettings settings) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
        this.source = settings.eventSource();
    }

    /** Adds the messages to the current transaction; returns the CloudEvent ids in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> add(List<OutboxMessage> messages) {
        List<UUID> ids = new ArrayList<>(messages.size());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (OutboxMessage m : messages) {
                UUID id = UUID.randomUUID();
                ps.setString(1, m.topic());
                ps.setString(2, m.key());
                ps.setObject(3, id);
                ps.setString(4, m.type());
                ps.setString(5, CloudEventEnvelope.write(id.toString(), source, m.type(), m.key(), clock.instant(), m.data(),
                        mapper));
                ps.setTimestamp(6, m.originAt() == null ? null : Timestamp.from(m.originAt()));
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not write outbox rows", e);
        }
        return ids;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(OutboxMessage message) {
        return add(List.of(message)).get(0);
    }
}
