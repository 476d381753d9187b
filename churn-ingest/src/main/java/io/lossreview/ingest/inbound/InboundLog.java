package io.lossreview.ingest.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.inbound.SubscriptionReactivated;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What churn-ingest has already accepted, and the reactivations still waiting for their loss. */
@ApplicationScoped
public class InboundLog {

    private static final String CLAIM = """
            insert into inbound_event (key, source, event_id, event_type, customer_id)
            select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
            on conflict do nothing returning key""";
    // Sorted by the lock key, so two transactions always lock in the same order: no deadlock.
    private static final String LOCK_CUSTOMERS = """
            select count(pg_advisory_xact_lock(k)) from (
                select distinct hashtextextended(c, 0) k from unnest(?::text[]) c order by k) s""";
    private static final String UNMATCHED = """
            select source, event_id, document from unmatched_reactivation where customer_id = any(?)""";
    private static final String ADD_UNMATCHED = """
            insert into unmatched_reactivation (source, event_id, customer_id, document)
            values (?, ?, ?, ?) on conflict do nothing""";
    private static final String REMOVE_UNMATCHED = "delete from unmatched_reactivation where source = ? and event_id = ?";

    /** A reactivation that matched no defection when it arrived. */
    public record PendingReactivation(String source, String eventId, SubscriptionReactivated reactivation) {
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public InboundLog(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** The events whose (source, id) was new, in order; the rest were seen before. */
    public record Claimed(List<InboundEvent> fresh, List<InboundEvent> duplicates) {
    }

    /** Records the events' (source, id) and splits them into new ones and duplicates. */
    public Claimed claim(List<InboundEvent> events) {
        List<UUID> keys = events.stream().map(e -> key(e.source(), e.id())).toList();
        Set<UUID> inserted = insertNew(events, keys);
        List<InboundEvent> fresh = new ArrayList<>();
        List<InboundEvent> duplicates = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            // remove(): a second copy inside the same batch is a duplicate too.
            (inserted.remove(keys.get(i)) ? fresh : duplicates).add(events.get(i));
        }
        return new Claimed(fresh, duplicates);
    }

    private Set<UUID> insertNew(List<InboundEvent> events, List<UUID> keys) {
        Set<UUID> inserted = new HashSet<>();
        if (events.isEmpty()) {
            return inserted;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setArray(1, c.createArrayOf("uuid", keys.toArray()));
            ps.setArray(2, c.createArrayOf("text", events.stream().map(InboundEvent::source).toArray()));
            ps.setArray(3, c.createArrayOf("text", events.stream().map(InboundEvent::id).toArray()));
            ps.setArray(4, c.createArrayOf("text", events.stream().map(InboundEvent::type).toArray()));
            ps.setArray(5, c.createArrayOf("text", events.stream().map(InboundEvent::customerId).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record inbound events", e);
        }
        return inserted;
    }

    /**
     * Serializes work on the same customers until the transaction ends: billing, CRM and REST
     * events of one customer arrive on different consumers and must not both open an episode.
     */
    public void lockCustomers(Collection<String> customerIds) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOCK_CUSTOMERS)) {
            ps.setArray(1, c.createArrayOf("text", customerIds.toArray()));
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock customers", e);
        }
    }

    /**
     * The dedupe key of (source, id): the first 16 bytes of SHA-256 over the source's UTF-8 length, ':',
     * the source and the id, as migration V5 computed it in SQL. The length prefix keeps ("a:b", "c") and
     * ("a", "b:c") apart; 128 bits of SHA-256 make two different events sharing a key unthinkable.
     */
    public static UUID key(String source, String eventId) {
        byte[] s = source.getBytes(StandardCharsets.UTF_8);
        MessageDigest sha256 = SHA_256.get();
        sha256.update((s.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha256.update(s);
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(eventId.getBytes(StandardCharsets.UTF_8)));
        return new UUID(digest.getLong(), digest.getLong());
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
