package io.lossreview.ingest.defection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Defection documents in batches: one query to load a batch's customers, one batch to save. */
@ApplicationScoped
public class DefectionRepository {

    private static final String BY_CUSTOMERS = "select document from defection where customer_id = any(?)";
    private static final String PENDING = "select document from defection where value_pending";
    private static final String UPSERT = """
            insert into defection (id, customer_id, revision, status, anchor_at, loss_month, value_pending, document)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set revision = excluded.revision, status = excluded.status,
                anchor_at = excluded.anchor_at, loss_month = excluded.loss_month,
                value_pending = excluded.value_pending, document = excluded.document, updated_at = now()""";

    /** A defection with the loss month it is filed under. */
    public record Saved(Defection defection, YearMonth lossMonth) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public DefectionRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public List<Defection> findByCustomers(Collection<String> customerIds) {
        return query(BY_CUSTOMERS, customerIds.toArray(String[]::new));
    }

    public List<Defection> findValuePending() {
        return query(PENDING, null);
    }

    public void saveAll(List<Saved> defections) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Saved s : defections) {
                Defection d = s.defection();
                ps.setObject(1, d.id);
                ps.setString(2, d.customerId);
                ps.setInt(3, d.revision);
                ps.setString(4, d.status.name());
                ps.setTimestamp(5, Timestamp.from(d.anchorAt));
                ps.setString(6, s.lossMonth().toString());
                ps.setBoolean(7, d.value == null || d.value.valuePending());
                ps.setString(8, mapper.writeValueAsString(d));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not save defections", e);
        }
    }

    private List<Defection> query(String sql, String[] customerIds) {
        List<Defection> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (customerIds != null) {
                ps.setArray(1, c.createArrayOf("text", customerIds));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(mapper.readValue(rs.getString(1), Defection.class));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not load defections", e);
        }
        return found;
    }
}
