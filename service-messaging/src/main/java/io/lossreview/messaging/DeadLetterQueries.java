package io.lossreview.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.InputGuard;
import io.lossreview.contracts.rejection.RejectionOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads dead letters for ops, newest first, rebuilds a stored record exactly, and marks replays. */
@ApplicationScoped
public class DeadLetterQueries {

    private static final String COLUMNS = """
            select id, received_at, consumer, channel, topic, kafka_partition, kafka_offset, record_timestamp, record_key,
                headers, event_id, event_source, event_type, subject, violations, payload, payload_utf8, tombstone,
                payload_sha256, replayed_at, replayed_by from dead_letter""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public DeadLetterQueries(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** A stored dead letter: how ops see it, and the record as it came in (for a replay). */
    public record Stored(DeadLetterView view, Received record) {
    }

    public List<DeadLetterView> page(int page, int size, boolean includeReplayed) {
        String sql = COLUMNS + (includeReplayed ? "" : " where replayed_at is null")
                + " order by received_at desc, id limit ? offset ?";
        return query(sql, ps -> {
            ps.setInt(1, size);
            ps.setLong(2, (long) page * size);
        }).stream().map(Stored::view).toList();
    }

    public Optional<Stored> find(UUID id) {
        return query(COLUMNS + " where id = ?", ps -> ps.setObject(1, id)).stream().findFirst();
    }

    /** Marks it replayed unless it already was; false if another replay came first. */
    public boolean markReplayed(UUID id, Instant at, String by) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update dead_letter set replayed_at = ?, replayed_by = ? where id = ? and replayed_at is null")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, InputGuard.safe(by, DeadLetters.MAX_TEXT));
            ps.setObject(3, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark dead letter " + id + " replayed", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Stored> query(String sql, Binder binder) {
        List<Stored> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(row(rs));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read dead letters", e);
        }
        return found;
    }

    private Stored row(ResultSet rs) throws SQLException, JsonProcessingException {
        Base64.Decoder b64 = Base64.getDecoder();
        List<Received.RecordHeader> headers = new ArrayList<>();
        String headersJson = rs.getString(10);
        if (headersJson != null) {
            for (Map<String, String> h : mapper.readValue(headersJson, new TypeReference<List<Map<String, String>>>() { })) {
                headers.add(new Received.RecordHeader(new String(b64.decode(h.get("name")), StandardCharsets.UTF_8),
                        h.get("value") == null ? null : b64.decode(h.get("value"))));
            }
        }
        RejectionOrigin origin = new RejectionOrigin(RejectionOrigin.Channel.valueOf(rs.getString(4)), rs.getString(5),
                (Integer) rs.getObject(6), (Long) rs.getObject(7));
        Timestamp at = rs.getTimestamp(8);
        byte[] key = rs.getBytes(9);
        byte[] payload = rs.getBytes(16);
        boolean tombstone = rs.getBoolean(18);
        byte[] sha = rs.getBytes(19);
        Timestamp replayed = rs.getTimestamp(20);
        Received record = new Received(origin, at == null ? null : at.toInstant(), key, List.copyOf(headers), payload);
        DeadLetterView view = new DeadLetterView(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                origin.channel().name(), origin.topic(), origin.partition(), origin.offset(), record.timestamp(),
                text(key), key != null && text(key) == null ? b64(key) : null,
                headers.stream().map(h -> new DeadLetterView.Header(InputGuard.safe(h.name(), DeadLetters.MAX_TEXT),
                        text(h.value()), h.value() != null && text(h.value()) == null ? b64(h.value()) : null)).toList(),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), mapper.readTree(rs.getString(15)),
                text(payload), payload != null && text(payload) == null ? b64(payload) : null, tombstone,
                tombstone || payload != null, sha == null ? null : HexFormat.of().formatHex(sha),
                replayed == null ? null : replayed.toInstant(), rs.getString(21));
        return new Stored(view, record);
    }

    /** The bytes as text if they are valid UTF-8 (a JSON string can hold any of it), else null. */
    private static String text(byte[] bytes) {
        return bytes == null || InputGuard.utf8(bytes, "") != null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
