package io.lossreview.ingest.rejection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the dead letters for ops, newest first, and marks replays. */
@ApplicationScoped
public class RejectedEventQueries {

    private static final String COLUMNS = """
            select id, received_at, channel, topic, kafka_partition, kafka_offset, event_id, event_source, event_type,
                customer_id, violations, payload, replayed_at from rejected_event""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public RejectedEventQueries(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public List<RejectedEventView> page(int page, int size, boolean includeReplayed) {
        String sql = COLUMNS + (includeReplayed ? "" : " where replayed_at is null")
                + " order by received_at desc, id limit ? offset ?";
        return query(sql, ps -> {
            ps.setInt(1, size);
            ps.setLong(2, (long) page * size);
        });
    }

    public Optional<RejectedEventView> find(UUID id) {
        return query(COLUMNS + " where id = ?", ps -> ps.setObject(1, id)).stream().findFirst();
    }

    public void markReplayed(UUID id, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update rejected_event set replayed_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark rejected event " + id + " replayed", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<RejectedEventView> query(String sql, Binder binder) {
        List<RejectedEventView> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp replayed = rs.getTimestamp(13);
                    found.add(new RejectedEventView(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), (Integer) rs.getObject(5), (Long) rs.getObject(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), mapper.readTree(rs.getString(11)),
                            rs.getString(12), replayed == null ? null : replayed.toInstant()));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read rejected events", e);
        }
        return found;
    }
}
