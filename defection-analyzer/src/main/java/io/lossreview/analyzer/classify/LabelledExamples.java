package io.lossreview.analyzer.classify;

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
import java.util.Locale;
import java.util.UUID;

/** Texts people gave a cause to; the latest label of a text wins. */
@ApplicationScoped
public class LabelledExamples {

    private static final String UPSERT = """
            insert into labelled_example (normalized, text, cause, labelled_by, labelled_at, defection_id)
            values (?, ?, ?, ?, ?, ?)
            on conflict (normalized) do update set text = excluded.text, cause = excluded.cause,
                labelled_by = excluded.labelled_by, labelled_at = excluded.labelled_at,
                defection_id = excluded.defection_id""";
    private static final String STAMP = "select count(*), coalesce(max(labelled_at), 'epoch') from labelled_example";

    /** Identifies the current set of examples: a classifier built from an older set is stale. */
    public record Stamp(long count, Instant latest) {
    }

    private final AgroalDataSource dataSource;

    public LabelledExamples(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void add(String text, String cause, String who, Instant when, UUID defectionId) {
        if (text == null || text.isBlank()) {
            return; // nothing to learn from
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
            ps.setString(2, text);
            ps.setString(3, cause);
            ps.setString(4, who);
            ps.setTimestamp(5, Timestamp.from(when));
            ps.setObject(6, defectionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a labelled example", e);
        }
    }

    public List<LabelledExample> all() {
        List<LabelledExample> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select text, cause from labelled_example order by labelled_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new LabelledExample(rs.getString(1), rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read labelled examples", e);
        }
        return found;
    }

    public Stamp stamp() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(STAMP);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Stamp(rs.getLong(1), rs.getTimestamp(2).toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read labelled examples", e);
        }
    }
}
