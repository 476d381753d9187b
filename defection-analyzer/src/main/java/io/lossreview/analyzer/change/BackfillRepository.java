package io.lossreview.analyzer.change;

import io.lossreview.analyzer.change.TaxonomyService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The record of every backfill: who re-classified which months under which version. */
@ApplicationScoped
public class BackfillRepository {

    private static final String INSERT = """
            insert into taxonomy_backfill (id, version, from_month, to_month, reclassified, kept_manual,
                requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource dataSource;

    public BackfillRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(TaxonomyService.Backfill b, String who, Instant when) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, b.id());
            ps.setInt(2, b.version());
            ps.setString(3, b.from().toString());
            ps.setString(4, b.to().toString());
            ps.setInt(5, b.reclassified());
            ps.setInt(6, b.keptManual());
            ps.setString(7, who);
            ps.setTimestamp(8, Timestamp.from(when));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the backfill", e);
        }
    }
}
