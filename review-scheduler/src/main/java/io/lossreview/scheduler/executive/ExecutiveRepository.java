package io.lossreview.scheduler.executive;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The executive roster. */
@ApplicationScoped
public class ExecutiveRepository {

    private static final String COLUMNS = "id, name, email, capacity, segments, regions, active";
    private static final String UPSERT = """
            insert into executive (id, name, email, capacity, segments, regions, active) values (?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set name = excluded.name, email = excluded.email, capacity = excluded.capacity,
                segments = excluded.segments, regions = excluded.regions, active = excluded.active, updated_at = now()""";

    private final AgroalDataSource dataSource;

    public ExecutiveRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Executive> all() {
        return query("select " + COLUMNS + " from executive order by id", null);
    }

    public Optional<Executive> find(String id) {
        return query("select " + COLUMNS + " from executive where id = ?", id).stream().findFirst();
    }

    public Optional<Executive> byEmail(String email) {
        return query("select " + COLUMNS + " from executive where lower(email) = lower(?)", email).stream().findFirst();
    }

    public void save(Executive e) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, e.id());
            ps.setString(2, e.name());
            ps.setString(3, e.email());
            ps.setInt(4, e.capacity());
            ps.setArray(5, c.createArrayOf("text", e.segments().toArray()));
            ps.setArray(6, c.createArrayOf("text", e.regions().toArray()));
            ps.setBoolean(7, e.active());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not save executive " + e.id(), ex);
        }
    }

    private List<Executive> query(String sql, String arg) {
        List<Executive> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Executive(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            set(rs.getArray(5)), set(rs.getArray(6)), rs.getBoolean(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read executives", e);
        }
        return found;
    }

    private static Set<String> set(Array array) throws SQLException {
        return new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
