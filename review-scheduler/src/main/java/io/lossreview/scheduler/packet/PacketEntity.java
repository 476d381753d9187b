package io.lossreview.scheduler.packet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of packet. Everything but the stale mark is frozen once inserted (updatable = false), so
 * marking a revision stale never rewrites its content. delivered_at is not mapped: nothing sets it.
 */
@Entity
@Table(name = "packet")
class PacketEntity {

    @Id
    UUID id;
    /** yyyy-MM, as everywhere in this schema. */
    @Column(nullable = false, updatable = false)
    String month;
    @Column(nullable = false, updatable = false)
    int revision;
    @Column(name = "built_at", nullable = false, updatable = false)
    Instant builtAt;
    /** The serialized Packet, as PacketRepository's mapper writes and reads it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    String content;
    @Column(nullable = false, updatable = false)
    String fingerprint;
    @Column(name = "stale_since")
    Instant staleSince;
    @Column(name = "stale_reason")
    String staleReason;
}
