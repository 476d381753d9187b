package io.lossreview.scheduler.packet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.scheduler.packet.model.Packet;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Frozen packet revisions (table packet), through Hibernate ORM with Panache: their content is
 * written once, never updated; only whether it is stale changes. Every method but lockMonth joins the
 * caller's transaction or runs in its own: the REST reads come without one.
 */
@ApplicationScoped
@Transactional
public class PacketRepository implements PanacheRepositoryBase<PacketEntity, UUID> {

    /** A stored revision; staleSince and staleReason are set while the month's figures differ from it. */
    public record Stored(UUID id, Packet packet, String fingerprint, Instant staleSince, String staleReason) {
    }

    private final ObjectMapper mapper;

    public PacketRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Serializes builds of one month across threads and instances until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockMonth(YearMonth month) {
        // Native SQL: an advisory lock has no HQL form; the xact variant is released by the caller's commit.
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended('packet:' || ?1, 0))")
                .setParameter(1, month.toString()).getSingleResult();
    }

    public Optional<Stored> latest(YearMonth month) {
        return find("month", Sort.descending("revision"), month.toString()).firstResultOptional().map(this::stored);
    }

    public Optional<Stored> revision(YearMonth month, int revision) {
        return find("month = ?1 and revision = ?2", month.toString(), revision).firstResultOptional().map(this::stored);
    }

    public List<Stored> revisions(YearMonth month) {
        return list("month", Sort.by("revision"), month.toString()).stream().map(this::stored).toList();
    }

    public Stored insert(Packet p) {
        PacketEntity row = new PacketEntity();
        row.id = UUID.randomUUID();
        row.month = p.month().toString();
        row.revision = p.revision();
        row.builtAt = p.builtAt();
        row.content = json(p);
        row.fingerprint = fingerprint(p);
        persist(row);
        return new Stored(row.id, p, row.fingerprint, null, null);
    }

    /** Marks a revision stale: the month's figures changed after it was built (reason: what changed). */
    public void markStale(UUID id, Instant since, String reason) {
        findByIdOptional(id).ifPresent(row -> {
            row.staleSince = since;
            row.staleReason = reason;
        });
    }

    /** The revision's figures are the month's current ones again. */
    public void clearStale(UUID id) {
        findByIdOptional(id).filter(row -> row.staleSince != null).ifPresent(row -> {
            row.staleSince = null;
            row.staleReason = null;
        });
    }

    /** What the packet says ({@link Packet#content()}): equal data, equal fingerprint. */
    public String fingerprint(Packet p) {
        Packet content = p.content();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Packet p) {
        try {
            return mapper.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store the packet", e);
        }
    }

    private Stored stored(PacketEntity row) {
        try {
            return new Stored(row.id, mapper.readValue(row.content, Packet.class), row.fingerprint, row.staleSince,
                    row.staleReason);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not read packet " + row.id, e);
        }
    }
}
