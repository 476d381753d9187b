package io.lossreview.analyzer.defection;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.defection.AnalyzedDefection.Decision;
import io.lossreview.contracts.analysis.view.CauseDecision;
import io.lossreview.contracts.analysis.view.CauseSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The cause history (table cause_decision): every decision about a defection's cause, append-only. */
@ApplicationScoped
public class CauseHistoryRepository {

    /** One decision to append: the defection, the decision, when it was made and why, if known. */
    public record Entry(UUID defectionId, Decision decision, Instant decidedAt, String why) {
    }

    private static final String COLUMNS = "defection_id, decided_at, cause, secondary_cause, confidence, cause_source, "
            + "taxonomy_version, decided_by, why";
    private static final String APPEND = "insert into cause_decision (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LATEST = "select distinct on (defection_id) " + COLUMNS
            + " from cause_decision where defection_id = any(?) order by defection_id, id desc";
    // The newest MAX_DECISIONS of each defection, told oldest first.
    private static final String HISTORY = "select " + COLUMNS + " from (select *, row_number() over ("
            + "partition by defection_id order by id desc) as newest from cause_decision where defection_id = any(?)) h "
            + "where newest <= ? order by defection_id, id";

    private final AgroalDataSource dataSource;

    public CauseHistoryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends in the caller's transaction, so a decision and its history row commit together. */
    public void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(APPEND)) {
            for (Entry e : entries) {
                Decision d = e.decision();
                ps.setObject(1, e.defectionId());
                ps.setTimestamp(2, Timestamp.from(e.decidedAt()));
                ps.setString(3, d.cause());
                ps.setString(4, d.secondaryCause());
                ps.setDouble(5, d.confidence());
                ps.setString(6, d.source().name());
                ps.setInt(7, d.taxonomyVersion());
                ps.setString(8, d.decidedBy());
                ps.setString(9, e.why());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append to the cause history", e);
        }
    }

    /** The latest recorded decision of each of these defections that has one (without evidence: not kept). */
    public Map<UUID, Decision> latest(Collection<UUID> defectionIds) {
        Map<UUID, Decision> found = new HashMap<>();
        query(LATEST, defectionIds, -1, (id, d) -> found.put(id, new Decision(d.cause(), d.secondaryCause(),
                d.confidence(), d.causeSource(), d.taxonomyVersion(), List.of(), false, d.decidedBy(),
                d.decidedBy() == null ? null : d.decidedAt())));
        return found;
    }

    /** Each defection's history, oldest first: at most {@code max} decisions each, the newest. */
    public Map<UUID, List<CauseDecision>> of(Collection<UUID> defectionIds, int max) {
        Map<UUID, List<CauseDecision>> found = new HashMap<>();
        query(HISTORY, defectionIds, max, (id, d) -> found.computeIfAbsent(id, k -> new ArrayList<>()).add(d));
        return found;
    }

    private void query(String sql, Collection<UUID> ids, int max, java.util.function.BiConsumer<UUID, CauseDecision> each) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            if (max >= 0) {
                ps.setInt(2, max);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs.getObject(1, UUID.class), new CauseDecision(rs.getTimestamp(2).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getDouble(5), CauseSource.valueOf(rs.getString(6)),
                            rs.getInt(7), rs.getString(8), rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the cause history", e);
        }
    }
}
