package io.lossreview.ingest.defection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.inbound.SubscriptionReactivated;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The reactivations still waiting for their loss (table unmatched_reactivation). */
@ApplicationScoped
public class PendingReactivationRepository {

    private static final String UNMATCHED = """
            select source, event_id, document from unmatched_reactivation where customer_id = any(?)""";
    private static final String ADD_UNMATCHED = """
            insert into unmatched_reactivation (source, event_id, customer_id, document)
            values (?, ?, ?, ?) on conflict do nothing""";
    private static final String REMOVE_UNMATCHED = "delete from unmatched_reactivation where source = ? and event_id = ?";

    /** A reactivation that matched no defection when it arrived. */
    public record PendingReactivation(String source, String eventId, SubscriptionReactivated reactivation) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public PendingReactivationRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public List<PendingReactivation> unmatched(Collection<String> customerIds) {
        List<PendingReactivation> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UNMATCHED)) {
            ps.setArray(1, c.createArrayOf("text", customerIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new PendingReactivation(rs.getString(1), rs.getString(2),
                            mapper.readValue(rs.getString(3), SubscriptionReactivated.class)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not load unmatched reactivations", e);
        }
        return found;
    }

    public void saveUnmatched(List<PendingReactivation> added, List<PendingReactivation> matched) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement add = c.prepareStatement(ADD_UNMATCHED);
             PreparedStatement remove = c.prepareStatement(REMOVE_UNMATCHED)) {
            for (PendingReactivation p : added) {
                add.setString(1, p.source());
                add.setString(2, p.eventId());
                add.setString(3, p.reactivation().customerId());
                add.setString(4, mapper.writeValueAsString(p.reactivation()));
                add.addBatch();
            }
            for (PendingReactivation p : matched) {
                remove.setString(1, p.source());
                remove.setString(2, p.eventId());
                remove.addBatch();
            }
            add.executeBatch();
            remove.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not save unmatched reactivations", e);
        }
    }
}
