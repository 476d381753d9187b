package io.lossreview.gateway.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/** Records who did what through the public API: every write and every read of contact data. */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = """
            insert into audit_log (principal, roles, action, method, path, target, status) values (?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource dataSource;

    public AuditLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(String principal, Set<String> roles, String action, String method, String path, String target,
                       int status) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, principal);
            ps.setString(2, String.join(",", new TreeSet<>(roles)));
            ps.setString(3, action);
            ps.setString(4, method);
            ps.setString(5, path);
            ps.setString(6, target);
            ps.setInt(7, status);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log", e);
        }
    }
}
