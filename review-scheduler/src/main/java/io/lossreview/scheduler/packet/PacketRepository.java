package io.lossreview.scheduler.packet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.scheduler.packet.model.Packet;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Frozen packet revisions: their content is written once, never updated; only whether it is stale changes. */
@ApplicationScoped
public class PacketRepository {

    /** A stored revision; staleSince and staleReason are set while the month's figures differ from it. */
    public record Stored(UUID id, Packet packet, String fingerprint, Instant staleSince, String staleReason) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public PacketRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** Serializes builds of one month across threads and instances until the transaction ends. */
    public void lockMonth(YearMonth month) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended('packet:' || ?, 0))")) {
            ps.setString(1, month.toString());
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock " + month, e);
        }
    }

    public Optional<Stored> latest(YearMonth month) {
        return query(" where month = ? order by revision desc limit 1", month.toString(), null).stream().findFirst();
    }

    public Optional<Stored> revision(YearMonth month, int revision) {
        return query(" where month = ? and revision = ?", month.toString(), revision).stream().findFirst();
    }

    public List<Stored> revisions(YearMonth month) {
        return query(" where month = ? order by revision", month.toString(), null);
    }

    public Stored insert(Packet p) {
        UUID id = UUID.randomUUID();
        String fingerprint = fingerprint(p);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into packet (id, month, revision, built_at, content, fingerprint) values (?, ?, ?, ?, ?::jsonb, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, p.month().toString());
            ps.setInt(3, p.revision());
            ps.setTimestamp(4, Timestamp.from(p.builtAt()));
            ps.setString(5, mapper.writeValueAsString(p));
            ps.setString(6, fingerprint);
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not store the packet", e);
        }
        return new Stored(id, p, fingerprint, null, null);
    }

    /** Marks a revision stale: the month's figures changed after it was built (reason: what changed). */
    public void markStale(UUID id, Instant since, String reason) {
        update("update packet set stale_since = ?, stale_reason = ? where id = ?", id, Timestamp.from(since), reason);
    }

    /** The revision's figures are the month's current ones again. */
    public void clearStale(UUID id) {
        update("update packet set stale_since = null, stale_reason = null where id = ? and stale_since is not null", id);
    }

    private void update(String sql, UUID id, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : values) {
                ps.setObject(i++, v);
            }
            ps.setObject(i, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update packet " + id, e);
        }
    }

    /** What the packet says, without when it was built or which revision it is: equal data, equal fingerprint. */
    public String fingerprint(Packet p) {
        Packet content = new Packet(p.month(), 0, null, p.taxonomyVersion(), p.reportingCurrency(), p.summary(),
                p.causes(), p.emerging(), p.trend(), p.bySegment(), p.byRegion(), p.notableLosses(), p.stories(),
                p.lastMonthCalls(), p.actions(), p.assignments(), List.of());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Stored> query(String where, String month, Integer revision) {
        List<Stored> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, content, fingerprint, stale_since, stale_reason from packet" + where)) {
            ps.setString(1, month);
            if (revision != null) {
                ps.setInt(2, revision);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp staleSince = rs.getTimestamp(4);
                    found.add(new Stored(rs.getObject(1, UUID.class), mapper.readValue(rs.getString(2), Packet.class),
                            rs.getString(3), staleSince == null ? null : staleSince.toInstant(), rs.getString(5)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read packets", e);
        }
        return found;
    }
}
