package io.lossreview.analyzer.defection;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads that must agree with each other: several queries on one snapshot. */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * Makes the caller's transaction a read-only REPEATABLE READ one. Must be its first statement: PostgreSQL
     * takes the snapshot at the first query after it, and inside the transaction Agroal hands every query the
     * same connection, so every later query sees that one snapshot.
     */
    public static void repeatableRead(AgroalDataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("set transaction isolation level repeatable read, read only");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start a consistent read", e);
        }
    }
}
