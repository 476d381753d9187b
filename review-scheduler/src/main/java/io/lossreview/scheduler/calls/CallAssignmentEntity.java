package io.lossreview.scheduler.calls;

import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.contracts.review.WinBackChance;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of call_assignment. The executive and the call a reassignment replaced are kept as plain ids,
 * not associations: the domain record holds ids, and nothing navigates them.
 */
@Entity
@Table(name = "call_assignment")
class CallAssignmentEntity {

    @Id
    UUID id;
    /** yyyy-MM, as everywhere in this schema. */
    @Column(nullable = false)
    String month;
    @Column(name = "defection_id", nullable = false)
    UUID defectionId;
    @Column(name = "customer_id", nullable = false)
    String customerId;
    @Column(name = "executive_id", nullable = false)
    String executiveId;
    @Column(nullable = false)
    String why;
    /** The serialized Brief, as CallAssignmentRepository's mapper writes and reads it; frozen with the call. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    String brief;
    @Column(name = "assigned_at", nullable = false)
    Instant assignedAt;
    @Column(name = "due_date", nullable = false)
    LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CallAssignment.Status status;
    @Enumerated(EnumType.STRING)
    CallOutcome outcome;
    @Column(name = "learned_cause")
    String learnedCause;
    @Enumerated(EnumType.STRING)
    @Column(name = "win_back_chance")
    WinBackChance winBackChance;
    String notes;
    @Column(name = "follow_up")
    String followUp;
    @Column(name = "completed_at")
    Instant completedAt;
    @Column(name = "completed_by")
    String completedBy;
    @Column(name = "reminded_at")
    Instant remindedAt;
    @Column(name = "escalated_at")
    Instant escalatedAt;
    @Column(name = "reassigned_from")
    UUID reassignedFrom;

    static CallAssignmentEntity of(CallAssignment a, String briefJson) {
        CallAssignmentEntity row = new CallAssignmentEntity();
        row.id = a.id();
        row.month = a.month().toString();
        row.defectionId = a.defectionId();
        row.customerId = a.customerId();
        row.executiveId = a.executiveId();
        row.why = a.why();
        row.brief = briefJson;
        row.assignedAt = a.assignedAt();
        row.dueDate = a.dueDate();
        row.status = a.status();
        row.outcome = a.outcome();
        row.learnedCause = a.learnedCause();
        row.winBackChance = a.winBackChance();
        row.notes = a.notes();
        row.followUp = a.followUp();
        row.completedAt = a.completedAt();
        row.completedBy = a.completedBy();
        row.reassignedFrom = a.reassignedFrom();
        return row;
    }

    CallAssignment toAssignment(Brief parsedBrief) {
        return new CallAssignment(id, YearMonth.parse(month), defectionId, customerId, executiveId, why, parsedBrief,
                assignedAt, dueDate, status, outcome, learnedCause, winBackChance, notes, followUp, completedAt,
                completedBy, reassignedFrom);
    }
}
