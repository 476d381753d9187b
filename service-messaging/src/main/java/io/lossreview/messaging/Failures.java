package io.lossreview.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the surroundings (the database or the broker down, a lock or deadlock, a
 * cancelled statement) from one a record causes. The first is waited out and retried with nothing
 * skipped; only the second may make a record a dead letter.
 */
@Singleton
public class Failures {

    /**
     * SQLSTATE classes of the surroundings: 08 connection, 40 rollback (deadlock, serialization),
     * 53 resources, 55 lock not available, 57 operator intervention (shutdown, cancelled), 58 system.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "55", "57", "58");

    private final AgroalDataSource dataSource;

    public Failures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return !databaseReachable();
    }

    /** Whether the database answers now; a failure while it does not says nothing about the record. */
    public boolean databaseReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(5);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
