package io.lossreview.analyzer.defection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The revisions of the defections churn-ingest withdrew as contractions (table withdrawn_defection). */
@ApplicationScoped
public class WithdrawnDefections {

    private static final String REVISIONS = "select id, revision from withdrawn_defection where id = any(?)";
    private static final String WITHDRAW = """
            insert into withdrawn_defection (id, revision) values (?, ?)
            on conflict (id) do update set revision = excluded.revision""";
    private static final String RESTORE = "delete from withdrawn_defection where id = any(?)";

    private final AgroalDataSource dataSource;

    public WithdrawnDefections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The withdrawn revision of each of these defections that is withdrawn. */
    public Map<UUID, Integer> revisions(Collection<UUID> ids) {
        Map<UUID, Integer> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(REVISIONS)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read withdrawn defections", e);
        }
        return found;
    }

    public void withdraw(Map<UUID, Integer> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(WITHDRAW)) {
            for (Map.Entry<UUID, Integer> r : revisions.entrySet()) {
                ps.setObject(1, r.getKey());
                ps.setInt(2, r.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not withdraw defections", e);
        }
    }

    /** They are losses again (a newer revision said so). */
    public void restore(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RESTORE)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not restore withdrawn defections", e);
        }
    }
}
