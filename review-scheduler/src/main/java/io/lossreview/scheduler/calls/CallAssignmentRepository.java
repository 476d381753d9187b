package io.lossreview.scheduler.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.contracts.review.WinBackChance;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.query.NativeQuery;

/**
 * The call assignments (table call_assignment), through Hibernate ORM with Panache. Every method joins
 * the caller's transaction or runs in its own: the REST reads and the packet's e-mails come without one.
 * Changes go through the loaded rows, so a row the caller locked or read in its transaction reads back
 * as changed.
 */
@ApplicationScoped
@Transactional
public class CallAssignmentRepository implements PanacheRepositoryBase<CallAssignmentEntity, UUID> {

    private static final Sort DUE_FIRST = Sort.by("dueDate").and("id");
    private static final Sort NEWEST_FIRST = Sort.descending("month", "assignedAt").and("id");

    private final ObjectMapper mapper;

    public CallAssignmentRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Written at the next flush (the caller's commit at the latest), in JDBC batches (see application.properties). */
    public void insert(List<CallAssignment> assignments) {
        persist(assignments.stream().map(a -> CallAssignmentEntity.of(a, json(a.brief()))));
    }

    public void complete(UUID id, CallOutcome outcome, String learnedCause, WinBackChance winBackChance, String notes,
                         String followUp, Instant at, String by) {
        change(id, row -> {
            row.status = CallAssignment.Status.COMPLETED;
            row.outcome = outcome;
            row.learnedCause = learnedCause;
            row.winBackChance = winBackChance;
            row.notes = notes;
            row.followUp = followUp;
            row.completedAt = at;
            row.completedBy = by;
        });
    }

    /** The call moved to another executive (see Reassignments). */
    public void markReassigned(UUID id) {
        change(id, row -> row.status = CallAssignment.Status.REASSIGNED);
    }

    /** Its executive was reminded; see toRemind. */
    public void markReminded(UUID id, Instant at) {
        change(id, row -> row.remindedAt = at);
    }

    /** It was escalated to the admins; see toEscalate. */
    public void markEscalated(UUID id, Instant at) {
        change(id, row -> row.escalatedAt = at);
    }

    /** Open calls due on or before this date that were not reminded yet. */
    public List<CallAssignment> toRemind(LocalDate dueBy) {
        return assignments(list("status = ?1 and remindedAt is null and dueDate <= ?2", DUE_FIRST,
                CallAssignment.Status.ASSIGNED, dueBy));
    }

    /** Open calls past their due date that were not escalated yet. */
    public List<CallAssignment> toEscalate(LocalDate today) {
        return assignments(list("status = ?1 and escalatedAt is null and dueDate < ?2", DUE_FIRST,
                CallAssignment.Status.ASSIGNED, today));
    }

    /**
     * Reads the row and locks it until the caller's transaction ends. PESSIMISTIC_WRITE is PostgreSQL's
     * "for no key update": it serializes lock() callers as "for update" did, and no caller changes the id.
     */
    public Optional<CallAssignment> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(this::assignment);
    }

    public Optional<CallAssignment> find(UUID id) {
        return findByIdOptional(id).map(this::assignment);
    }

    public List<CallAssignment> ofMonth(YearMonth month) {
        return assignments(list("month", Sort.by("executiveId").and("assignedAt").and("id"), month.toString()));
    }

    /**
     * A customer's calls, newest first: in every month, or in {@code month} only when it is given; of one
     * executive only when {@code executiveId} is given.
     */
    public List<CallAssignment> ofCustomer(String customerId, YearMonth month, String executiveId) {
        StringBuilder query = new StringBuilder("customerId = :customer");
        Parameters parameters = Parameters.with("customer", customerId);
        if (month != null) {
            query.append(" and month = :month");
            parameters.and("month", month.toString());
        }
        if (executiveId != null) {
            query.append(" and executiveId = :executive");
            parameters.and("executive", executiveId);
        }
        return assignments(list(query.toString(), NEWEST_FIRST, parameters));
    }

    public List<CallAssignment> ofExecutive(String executiveId) {
        return assignments(list("executiveId", Sort.descending("dueDate").and("id"), executiveId));
    }

    /** When each of these customers was last called by an executive (completed calls). */
    @SuppressWarnings("unchecked")
    public Map<String, Instant> lastCalls(Collection<String> customerIds) {
        // Native SQL: a month's customers (tens of thousands) go as one array parameter; an HQL in-list
        // would bind each one, past what a PostgreSQL statement can carry.
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select customer_id, max(completed_at) as last_call from call_assignment
                        where customer_id = any(?1) and completed_at is not null group by customer_id""")
                .setParameter(1, customerIds.toArray(String[]::new))
                .unwrap(NativeQuery.class)
                .addScalar("customer_id", String.class).addScalar("last_call", Instant.class)
                .getResultList();
        Map<String, Instant> last = new HashMap<>();
        rows.forEach(r -> last.put((String) r[0], (Instant) r[1]));
        return last;
    }

    private void change(UUID id, Consumer<CallAssignmentEntity> change) {
        findByIdOptional(id).ifPresent(change);
    }

    private List<CallAssignment> assignments(List<CallAssignmentEntity> rows) {
        return rows.stream().map(this::assignment).toList();
    }

    private CallAssignment assignment(CallAssignmentEntity row) {
        try {
            return row.toAssignment(mapper.readValue(row.brief, Brief.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not read assignment " + row.id, e);
        }
    }

    private String json(Brief brief) {
        try {
            return mapper.writeValueAsString(brief);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store assignments", e);
        }
    }
}
