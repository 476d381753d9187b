package io.lossreview.scheduler.executive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of executive; created_at is not mapped: the column's default sets it and nothing reads it. */
@Entity
@Table(name = "executive")
class ExecutiveEntity {

    @Id
    String id;
    @Column(nullable = false)
    String name;
    @Column(nullable = false)
    String email;
    @Column(nullable = false)
    int capacity;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> segments;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> regions;
    @Column(nullable = false)
    boolean active;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    static ExecutiveEntity of(Executive e, Instant updatedAt) {
        ExecutiveEntity row = new ExecutiveEntity();
        row.id = e.id();
        row.name = e.name();
        row.email = e.email();
        row.capacity = e.capacity();
        row.segments = List.copyOf(e.segments());
        row.regions = List.copyOf(e.regions());
        row.active = e.active();
        row.updatedAt = updatedAt;
        return row;
    }

    Executive toExecutive() {
        return new Executive(id, name, email, capacity, Set.copyOf(segments), Set.copyOf(regions), active);
    }
}
