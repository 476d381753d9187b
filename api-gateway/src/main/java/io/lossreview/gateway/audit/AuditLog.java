package io.lossreview.gateway.audit;

import io.agroal.api.AgroalDataSource;
import io.lossreview.common.problem.Problem;
import io.lossreview.common.problem.ProblemMappers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Records who did what through the public API: every write and every read of contact data. */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = """
            insert into audit_log (principal, roles, action, method, path, target, status) values (?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource dataSource;

    public AuditLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs a write (or a read of contact data) and records it with its outcome, also when it fails:
     * an attempt that a downstream outage stopped is audited with that 503.
     */
    public Response around(SecurityIdentity who, String action,
                                              String method, String path, String target,
                                              Supplier<Response> call) {
        try {
            Response r = call.get();
            record(who.getPrincipal().getName(), who.getRoles(), action, method, path, target, r.getStatus());
            return r;
        } catch (RuntimeException e) {
            int status = ProblemMappers.problemOf(e).map(Problem::status).orElse(500);
            record(who.getPrincipal().getName(), who.getRoles(), action, method, path, target, status);
            throw e;
        }
    }

    /** Newest first. */
    public List<Map<String, Object>> page(String principal, int page, int size) {
        String sql = "select id, at, principal, roles, action, method, path, target, status from audit_log"
                + (principal == null ? "" : " where principal = ?") + " order by at desc, id desc limit ? offset ?";
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (principal != null) {
                ps.setString(i++, principal);
            }
            ps.setInt(i++, size);
            ps.setLong(i, (long) page * size);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("id", rs.getLong(1));
                    row.put("at", rs.getTimestamp(2).toInstant());
                    row.put("principal", rs.getString(3));
                    row.put("roles", rs.getString(4));
                    row.put("action", rs.getString(5));
                    row.put("method", rs.getString(6));
                    row.put("path", rs.getString(7));
                    row.put("target", rs.getString(8));
                    row.put("status", rs.getInt(9));
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
        return rows;
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
