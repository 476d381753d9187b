package io.lossreview.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

/**
 * Consumer-side dedupe. {@link #claim} records the events' (source, id) in the caller's transaction
 * and splits them into new ones and duplicates, so an effect and the record of it commit or roll
 * back together. The inbox is the service's: a topic is consumed by one of its consumers only.
 */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM = """
            insert into inbox (key, consumer, source, event_id)
            select k, ?, s, i from unnest(?::uuid[], ?::text[], ?::text[]) as e(k, s, i)
            on conflict do nothing returning key""";
    private static final String RELEASE = "delete from inbox where key = any(?)";

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The events not seen before, in order, and the rest (a second copy inside the batch too). */
    public record Claimed<E>(List<Decoded.Event<E>> fresh, List<Decoded.Event<E>> duplicates) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <E> Claimed<E> claim(String consumer, List<Decoded.Event<E>> events) {
        List<Decoded.Event<E>> fresh = new ArrayList<>();
        List<Decoded.Event<E>> duplicates = new ArrayList<>();
        if (events.isEmpty()) {
            return new Claimed<>(fresh, duplicates);
        }
        List<UUID> keys = events.stream().map(e -> key(e.source(), e.id())).toList();
        Set<UUID> inserted = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("uuid", keys.toArray()));
            ps.setArray(3, c.createArrayOf("text", events.stream().map(Decoded.Event::source).toArray()));
            ps.setArray(4, c.createArrayOf("text", events.stream().map(Decoded.Event::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record processed events", e);
        }
        for (int i = 0; i < events.size(); i++) {
            // remove(): a second copy inside the same batch is a duplicate too.
            (inserted.remove(keys.get(i)) ? fresh : duplicates).add(events.get(i));
        }
        return new Claimed<>(fresh, duplicates);
    }

    /** Forgets events the handler refused after claiming them, so a corrected replay is not a duplicate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Collection<UUID> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RELEASE)) {
            ps.setArray(1, c.createArrayOf("uuid", keys.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release processed events", e);
        }
    }

    /**
     * The dedupe key of (source, id): the first 16 bytes of SHA-256 over the source's UTF-8 length, ':',
     * the source and the id (migrations compute the same in SQL). The length prefix keeps ("a:b", "c")
     * and ("a", "b:c") apart; 128 bits of SHA-256 make two different events sharing a key unthinkable.
     */
    public static UUID key(String source, String eventId) {
        byte[] s = source.getBytes(StandardCharsets.UTF_8);
        MessageDigest sha256 = SHA_256.get();
        sha256.update((s.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha256.update(s);
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(eventId.getBytes(StandardCharsets.UTF_8)));
        return new UUID(digest.getLong(), digest.getLong());
    }
}
