package io.lossreview.ingest.defection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Defection documents in batches: one query to load a batch's customers, one batch to save. Plain
 * JDBC on purpose: this is the path bench-ingest.sh measures, and one multi-row statement per
 * consumer batch is what keeps it fast.
 */
@ApplicationScoped
public class DefectionRepository {

    private static final String BY_CUSTOMERS = "select document from defection where customer_id = any(?)";
    private static final String PENDING = "select document from defection where value_pending";
    // A new episode (its first revision) is inserted, a loaded one updated: a plain insert costs
    // PostgreSQL less than an upsert, which first probes the key for a conflict.
    private static final String INSERT = """
            insert into defection (revision, status, anchor_at, loss_month, value_pending, document, customer_id, id)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            update defection set revision = ?, status = ?, anchor_at = ?, loss_month = ?, value_pending = ?,
                document = ?, updated_at = now()
            where customer_id = ? and id = ?""";

    /** A defection with the loss month it is filed under. */
    public record Saved(Defection defection, YearMonth lossMonth) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final ObjectReader documents;

    public DefectionRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        // Documents key subscriptions by their ids. Jackson keeps field names in a shared symbol table and
        // copied it for each new id, on nearly every document read: a tenth of churn-ingest's allocation.
        this.documents = mapper.copyWith(mapper.getFactory().rebuild()
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build()).readerFor(Defection.class);
    }

    public List<Defection> findByCustomers(Collection<String> customerIds) {
        return query(BY_CUSTOMERS, customerIds.toArray(String[]::new));
    }

    public List<Defection> findValuePending() {
        return query(PENDING, null);
    }

    public void saveAll(List<Saved> defections) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(INSERT);
             PreparedStatement update = c.prepareStatement(UPDATE)) {
            int updates = 0;
            for (Saved s : defections) {
                boolean isNew = s.defection().revision == 1;
                bind(isNew ? insert : update, s);
                updates += isNew ? 0 : 1;
            }
            insert.executeBatch();
            int updated = Arrays.stream(update.executeBatch()).sum();
            if (updated != updates) {
                // Callers load and lock a customer's defections first, so this is a bug: fail the transaction.
                throw new IllegalStateException("Updated " + updated + " of " + updates + " stored defections");
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not save defections", e);
        }
    }

    private void bind(PreparedStatement ps, Saved s) throws SQLException, JsonProcessingException {
        Defection d = s.defection();
        ps.setInt(1, d.revision);
        ps.setString(2, d.status.name());
        ps.setTimestamp(3, Timestamp.from(d.anchorAt));
        ps.setString(4, s.lossMonth().toString());
        ps.setBoolean(5, d.value == null || d.value.valuePending());
        ps.setString(6, mapper.writeValueAsString(d));
        ps.setString(7, d.customerId);
        ps.setObject(8, d.id);
        ps.addBatch();
    }

    private List<Defection> query(String sql, String[] customerIds) {
        List<Defection> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (customerIds != null) {
                ps.setArray(1, c.createArrayOf("text", customerIds));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(documents.readValue(rs.getString(1)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not load defections", e);
        }
        return found;
    }
}
