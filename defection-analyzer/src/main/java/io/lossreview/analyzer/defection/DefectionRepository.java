package io.lossreview.analyzer.defection;

import io.lossreview.contracts.analysis.view.CauseSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.analysis.view.Evidence;
import io.lossreview.analyzer.defection.AnalyzedDefection.Decision;
import io.lossreview.contracts.defection.DefectionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The defection table: the analyzer's copy of each defection with its decided cause. */
@ApplicationScoped
public class DefectionRepository {

    static final String COLUMNS = "id, customer_id, revision, loss_month, won_back, voluntary, seats, mrr, arr, "
            + "lifetime_value, value_pending, segment, region, plan, tenure_band, cause, secondary_cause, confidence, "
            + "cause_source, taxonomy_version, evidence, needs_review, decided_by, decided_at, document";
    private static final String UPSERT = "insert into defection (" + COLUMNS + ") values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb) "
            + "on conflict (id) do update set customer_id = excluded.customer_id, revision = excluded.revision, "
            + "loss_month = excluded.loss_month, won_back = excluded.won_back, voluntary = excluded.voluntary, "
            + "seats = excluded.seats, mrr = excluded.mrr, arr = excluded.arr, "
            + "lifetime_value = excluded.lifetime_value, value_pending = excluded.value_pending, "
            + "segment = excluded.segment, region = excluded.region, plan = excluded.plan, "
            + "tenure_band = excluded.tenure_band, cause = excluded.cause, secondary_cause = excluded.secondary_cause, "
            + "confidence = excluded.confidence, cause_source = excluded.cause_source, "
            + "taxonomy_version = excluded.taxonomy_version, evidence = excluded.evidence, "
            + "needs_review = excluded.needs_review, decided_by = excluded.decided_by, "
            + "decided_at = excluded.decided_at, document = excluded.document, updated_at = now()";
    private static final String BY_IDS = "select " + COLUMNS + " from defection where id = any(?) for update";
    private static final String BY_MONTHS = "select " + COLUMNS + " from defection where loss_month = any(?) for update";

    private static final String DELETE = "delete from defection where id = any(?)";
    private static final String MONTHS = "select id, loss_month from defection where id = any(?)";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public DefectionRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** The loss month each of these defections is filed under now (no lock: to know which months to lock). */
    public Map<UUID, YearMonth> monthsOf(Collection<UUID> ids) {
        Map<UUID, YearMonth> months = new HashMap<>();
        if (ids.isEmpty()) {
            return months;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MONTHS)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    months.put(rs.getObject(1, UUID.class), YearMonth.parse(rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read defection months", e);
        }
        return months;
    }

    /** Locks and loads the defections with these ids. */
    public Map<UUID, AnalyzedDefection> lockByIds(Collection<UUID> ids) {
        return load(BY_IDS, "uuid", ids.toArray());
    }

    /** Locks and loads every defection of these months (a backfill). */
    public Map<UUID, AnalyzedDefection> lockByMonths(Collection<YearMonth> months) {
        return load(BY_MONTHS, "text", months.stream().map(YearMonth::toString).toArray());
    }

    public void saveAll(List<AnalyzedDefection> defections) {
        if (defections.isEmpty()) {
            return;
        }
        // Writing the JSON documents is the costly part: done for the whole batch in parallel first.
        List<String[]> json = defections.parallelStream().map(this::json).toList();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            int i = 0;
            for (AnalyzedDefection d : defections) {
                String[] docs = json.get(i++);
                Decision k = d.decision();
                ps.setObject(1, d.id());
                ps.setString(2, d.customerId());
                ps.setInt(3, d.revision());
                ps.setString(4, d.lossMonth().toString());
                ps.setBoolean(5, d.wonBack());
                ps.setBoolean(6, d.voluntary());
                ps.setInt(7, d.seats());
                ps.setBigDecimal(8, d.mrr());
                ps.setBigDecimal(9, d.arr());
                ps.setBigDecimal(10, d.lifetimeValue());
                ps.setBoolean(11, d.valuePending());
                ps.setString(12, d.segment());
                ps.setString(13, d.region());
                ps.setString(14, d.plan());
                ps.setString(15, d.tenureBand());
                ps.setString(16, k.cause());
                ps.setString(17, k.secondaryCause());
                ps.setDouble(18, k.confidence());
                ps.setString(19, k.source().name());
                ps.setInt(20, k.taxonomyVersion());
                ps.setString(21, docs[0]);
                ps.setBoolean(22, k.needsReview());
                ps.setString(23, k.decidedBy());
                ps.setTimestamp(24, k.decidedAt() == null ? null : Timestamp.from(k.decidedAt()));
                ps.setString(25, docs[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save defections", e);
        }
    }

    public void deleteAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete defections", e);
        }
    }

    /** {evidence, document} as JSON. */
    private String[] json(AnalyzedDefection d) {
        try {
            return new String[] {mapper.writeValueAsString(d.decision().evidence()), mapper.writeValueAsString(d.document())};
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write defection " + d.id(), e);
        }
    }

    private Map<UUID, AnalyzedDefection> load(String sql, String arrayType, Object[] keys) {
        Map<UUID, AnalyzedDefection> found = new HashMap<>();
        if (keys.length == 0) {
            return found;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf(arrayType, keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AnalyzedDefection d = read(rs, mapper);
                    found.put(d.id(), d);
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not load defections", e);
        }
        return found;
    }

    /** One row in {@link #COLUMNS} order. */
    static AnalyzedDefection read(ResultSet rs, ObjectMapper mapper) throws SQLException, JsonProcessingException {
        Timestamp decidedAt = rs.getTimestamp(24);
        Decision decision = new Decision(rs.getString(16), rs.getString(17), rs.getDouble(18),
                CauseSource.valueOf(rs.getString(19)), rs.getInt(20),
                mapper.readValue(rs.getString(21), new TypeReference<List<Evidence>>() { }),
                rs.getBoolean(22), rs.getString(23), decidedAt == null ? null : decidedAt.toInstant());
        return new AnalyzedDefection(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                YearMonth.parse(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7),
                rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBoolean(11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), decision,
                mapper.readValue(rs.getString(25), DefectionChanged.class));
    }
}
