package io.lossreview.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.InputGuard;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.Violation;
import io.lossreview.contracts.rejection.EventRejected;
import io.lossreview.contracts.rejection.RejectionOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores what a consumer refused or could not process, and announces it on loss.rejected through
 * the outbox: the record is kept and consumption goes on. Nothing in a record can make the write
 * fail: the payload, key and headers are stored as bytes, every text is made safe first
 * ({@link InputGuard#safe}), and a Kafka record is stored once however often it is read again.
 */
@ApplicationScoped
public class DeadLetters {

    static final int MAX_TEXT = 256;
    private static final int MAX_VIOLATIONS = 100;
    private static final String INSERT = """
            insert into dead_letter (id, received_at, consumer, channel, topic, kafka_partition, kafka_offset,
                record_timestamp, record_key, headers, tombstone, payload, payload_utf8, payload_sha256,
                event_id, event_source, event_type, subject, violations)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            on conflict (consumer, topic, kafka_partition, kafka_offset) where channel = 'KAFKA' do nothing""";

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

    /** Stores the refused records in the caller's transaction; returns how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E> int store(String consumer, List<Decoded.Refused<E>> refused) {
        int stored = 0;
        for (Decoded.Refused<E> r : refused) {
            stored += insert(consumer, r.received(), r.facts(), r.violations(), true) ? 1 : 0;
        }
        return stored;
    }

    /** Gives up on one record the code cannot process, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean storeFailure(String consumer, Received received, Decoded.Facts facts, Throwable failure) {
        return insert(consumer, received, facts, List.of(processingError(failure, "")), true);
    }

    /**
     * The last resort when even {@link #storeFailure} failed: the coordinates, the payload's
     * SHA-256 and the reason, without the bytes, key or headers.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean storeCoordinates(String consumer, Received received, Throwable failure) {
        return insert(consumer, received, Decoded.Facts.NONE,
                List.of(processingError(failure, " (the record itself could not be stored; only its SHA-256 is kept)")), false);
    }

    private static Violation processingError(Throwable failure, String note) {
        return new Violation("", "processing-error", "The event could not be processed: " + failure + note);
    }

    private boolean insert(String consumer, Received r, Decoded.Facts facts, List<Violation> violations, boolean keep) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        RejectionOrigin origin = r.origin();
        byte[] payload = r.payload();
        boolean utf8 = payload != null && InputGuard.utf8(payload, "") == null;
        List<Violation> safeViolations = violations.stream().limit(MAX_VIOLATIONS)
                .map(v -> new Violation(safe(v.pointer()), safe(v.rule()), InputGuard.safe(v.message(), 2048))).toList();
        String subject = safe(facts.subject() != null ? facts.subject() : r.keyText());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, id);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, consumer);
            ps.setString(4, origin.channel().name());
            ps.setString(5, safe(origin.topic()));
            ps.setObject(6, origin.partition(), Types.INTEGER);
            ps.setObject(7, origin.offset(), Types.BIGINT);
            ps.setTimestamp(8, r.timestamp() == null ? null : Timestamp.from(r.timestamp()));
            ps.setBytes(9, keep ? r.key() : null);
            ps.setString(10, keep ? mapper.writeValueAsString(headers(r)) : null);
            ps.setBoolean(11, r.tombstone());
            ps.setBytes(12, keep ? payload : null);
            ps.setObject(13, payload == null ? null : utf8, Types.BOOLEAN);
            ps.setBytes(14, payload == null ? null : sha256(payload));
            ps.setString(15, safe(facts.eventId()));
            ps.setString(16, safe(facts.eventSource()));
            ps.setString(17, safe(facts.eventType()));
            ps.setString(18, subject);
            ps.setString(19, mapper.writeValueAsString(safeViolations));
            if (ps.executeUpdate() == 0) {
                return false; // this Kafka record was stored when its batch was read before
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not store a dead letter", e);
        }
        String announced = keep ? EventRejected.announced(payload, utf8 ? new String(payload, StandardCharsets.UTF_8) : null) : null;
        EventRejected rejected = new EventRejected(id.toString(), now, consumer, origin, safe(facts.eventId()),
                safe(facts.eventSource()), safe(facts.eventType()), subject, safeViolations, announced,
                announced != null && !utf8 ? EventRejected.BASE64 : null);
        outbox.add(new OutboxMessage(Topics.LOSS_REJECTED, subject, EventTypes.EVENT_REJECTED, rejected));
        return true;
    }

    /** Headers as stored: name and value in Base64, so any bytes survive exactly (jsonb refuses NUL). */
    private static List<Map<String, String>> headers(Received r) {
        Base64.Encoder b64 = Base64.getEncoder();
        return r.headers().stream().map(h -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", b64.encodeToString(h.name().getBytes(StandardCharsets.UTF_8)));
            m.put("value", h.value() == null ? null : b64.encodeToString(h.value()));
            return m;
        }).toList();
    }

    static String safe(String text) {
        return InputGuard.safe(text, MAX_TEXT);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
