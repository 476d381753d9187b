package io.lossreview.ingest.defection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Serializes work on the same customers until the transaction ends: billing, CRM and REST events
 * of one customer arrive on different consumers and must not both open an episode.
 */
@ApplicationScoped
public class CustomerLocks {

    // Sorted by the lock key, so two transactions always lock in the same order: no deadlock.
    private static final String LOCK_CUSTOMERS = """
            select count(pg_advisory_xact_lock(k)) from (
                select distinct hashtextextended(c, 0) k from unnest(?::text[]) c order by k) s""";

    private final AgroalDataSource dataSource;

    public CustomerLocks(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void lock(Collection<String> customerIds) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOCK_CUSTOMERS)) {
            ps.setArray(1, c.createArrayOf("text", customerIds.toArray()));
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock customers", e);
        }
    }
}
