package io.lossreview.analyzer.classify.learned;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.analysis.view.TextModelVersion;
import io.lossreview.contracts.analysis.view.TextModelVersion.HeldOutScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every text model trained, in the {@code text_model} table: one active model per taxonomy version, the one every
 * instance classifies with. Only the newest {@link #KEEP_STORED} models keep their stored form; older ones stay
 * listed with their metrics.
 */
@ApplicationScoped
public class ModelRegistry {

    /** Models whose stored form is kept (about 9 MB each): the active one is always among the loadable. */
    public static final int KEEP_STORED = 5;
    public static final String AUTOMATIC = "automatic";

    /** A model as the registry has it, and whether this release can load it. */
    public record Stored(TextModelVersion version, String corpusFingerprint) {
        public long id() {
            return version.id();
        }
    }

    /** What training produced, to be stored. */
    public record Trained(int taxonomyVersion, String fingerprint, String corpusFingerprint, Instant trainedAt,
                          long trainingMillis, int corpusRows, int peopleLabels, byte[] model) {
    }

    private static final String COLUMNS = """
            id, taxonomy_version, fingerprint, corpus_fingerprint, trained_at, training_millis, corpus_rows, people_labels,
            metrics, model is not null, active, held, activated_at, activated_by, note""";
    private static final String INSERT = """
            insert into text_model (taxonomy_version, fingerprint, corpus_fingerprint, trained_at, training_millis,
                corpus_rows, people_labels, model) values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (taxonomy_version, fingerprint) do update
              set model = case when text_model.model is not null and text_model.corpus_fingerprint = excluded.corpus_fingerprint
                               then text_model.model else excluded.model end,
                  corpus_fingerprint = excluded.corpus_fingerprint
            returning id""";
    private static final String PRUNE = """
            update text_model set model = null where taxonomy_version = ? and not active and model is not null
              and id not in (select id from text_model where taxonomy_version = ? order by id desc limit ?)""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public ModelRegistry(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * Stores a model and prunes old stored forms. The same training rows again give the row already there, which keeps
     * its stored model unless an earlier release stored it (then this release's replaces it).
     */
    @Transactional
    public long store(Trained t) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT);
             PreparedStatement prune = c.prepareStatement(PRUNE)) {
            insert.setInt(1, t.taxonomyVersion());
            insert.setString(2, t.fingerprint());
            insert.setString(3, t.corpusFingerprint());
            insert.setTimestamp(4, Timestamp.from(t.trainedAt()));
            insert.setLong(5, t.trainingMillis());
            insert.setInt(6, t.corpusRows());
            insert.setInt(7, t.peopleLabels());
            insert.setBytes(8, t.model());
            long id;
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            prune.setInt(1, t.taxonomyVersion());
            prune.setInt(2, t.taxonomyVersion());
            prune.setInt(3, KEEP_STORED);
            prune.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a text model", e);
        }
    }

    /**
     * Makes a model the active one of its taxonomy version. An admin's choice holds it; an automatic activation
     * happens only while no admin holds another one.
     *
     * @return whether it is active now
     */
    @Transactional
    public boolean activate(long id, int taxonomyVersion, String who, boolean hold, String note, Instant when) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(
                    "select id, held from text_model where taxonomy_version = ? and active for update")) {
                lock.setInt(1, taxonomyVersion);
                try (ResultSet rs = lock.executeQuery()) {
                    boolean current = rs.next();
                    if (current && rs.getLong(1) == id && !hold) {
                        return true; // already active: an automatic activation changes nothing
                    }
                    if (current && rs.getLong(1) != id && !hold && rs.getBoolean(2)) {
                        return false; // an admin holds another model
                    }
                }
            }
            try (PreparedStatement off = c.prepareStatement(
                    "update text_model set active = false, held = false where taxonomy_version = ? and active");
                 PreparedStatement on = c.prepareStatement("""
                         update text_model set active = true, held = ?, activated_at = ?, activated_by = ?, note = ?
                         where id = ? and taxonomy_version = ?""")) {
                off.setInt(1, taxonomyVersion);
                off.executeUpdate();
                on.setBoolean(1, hold);
                on.setTimestamp(2, Timestamp.from(when));
                on.setString(3, who);
                on.setString(4, note);
                on.setLong(5, id);
                on.setInt(6, taxonomyVersion);
                return on.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not activate a text model", e);
        }
    }

    /** Lets models trained later become active by themselves again, keeping the active one. */
    @Transactional
    public void release(int taxonomyVersion) {
        update("update text_model set held = false where taxonomy_version = ? and active", ps -> ps.setInt(1, taxonomyVersion));
    }

    public void recordMetrics(long id, Map<String, HeldOutScore> heldOut) {
        String json;
        try {
            json = mapper.writeValueAsString(heldOut);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics are plain numbers", e);
        }
        update("update text_model set metrics = ?::jsonb where id = ?", ps -> {
            ps.setString(1, json);
            ps.setLong(2, id);
        });
    }

    public Optional<Stored> active(int taxonomyVersion) {
        List<Stored> found = select("select " + COLUMNS + " from text_model where taxonomy_version = ? and active",
                ps -> ps.setInt(1, taxonomyVersion));
        return found.stream().findFirst();
    }

    /** The active model's id: checked before each batch, so it must be cheap. */
    public Optional<Long> activeId(int taxonomyVersion) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from text_model where taxonomy_version = ? and active")) {
            ps.setInt(1, taxonomyVersion);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the active text model", e);
        }
    }

    public Optional<Stored> find(long id) {
        return select("select " + COLUMNS + " from text_model where id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
    }

    /** The taxonomy version's models, newest first. */
    public List<Stored> list(int taxonomyVersion, int limit) {
        return select("select " + COLUMNS + " from text_model where taxonomy_version = ? order by id desc limit ?", ps -> {
            ps.setInt(1, taxonomyVersion);
            ps.setInt(2, limit);
        });
    }

    /** The stored form of a model, if it is still kept. */
    public Optional<byte[]> model(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select model from text_model where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a text model", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update text models", e);
        }
    }

    private List<Stored> select(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Stored> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read text models", e);
        }
    }

    private Stored read(ResultSet rs) throws SQLException {
        String metrics = rs.getString(9);
        Map<String, HeldOutScore> heldOut;
        try {
            heldOut = metrics == null ? Map.of() : mapper.readValue(metrics, new TypeReference<Map<String, HeldOutScore>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("text_model " + rs.getLong(1) + " has unreadable metrics", e);
        }
        String corpusFingerprint = rs.getString(4);
        Timestamp activatedAt = rs.getTimestamp(13);
        TextModelVersion version = new TextModelVersion(rs.getLong(1), rs.getInt(2), rs.getString(3),
                rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getInt(7), rs.getInt(8), heldOut, rs.getBoolean(11),
                rs.getBoolean(12), rs.getBoolean(10) && ModelTraining.releaseFingerprint().equals(corpusFingerprint),
                activatedAt == null ? null : activatedAt.toInstant(), rs.getString(14), rs.getString(15));
        return new Stored(version, corpusFingerprint);
    }
}
