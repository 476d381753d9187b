package io.lossreview.scheduler.calls;

import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.contracts.review.WinBackChance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The call_assignment table. */
@ApplicationScoped
public class CallAssignmentRepository {

    private static final String COLUMNS = "id, month, defection_id, customer_id, executive_id, why, brief, assigned_at, "
            + "due_date, status, outcome, learned_cause, win_back_chance, notes, follow_up, completed_at, completed_by, "
            + "reassigned_from";
    private static final String INSERT = "insert into call_assignment (" + COLUMNS + ") values "
            + "(?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COMPLETE = """
            update call_assignment set status = 'COMPLETED', outcome = ?, learned_cause = ?, win_back_chance = ?,
                notes = ?, follow_up = ?, completed_at = ?, completed_by = ? where id = ?""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public CallAssignmentRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public void insert(List<CallAssignment> assignments) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (CallAssignment a : assignments) {
                ps.setObject(1, a.id());
                ps.setString(2, a.month().toString());
                ps.setObject(3, a.defectionId());
                ps.setString(4, a.customerId());
                ps.setString(5, a.executiveId());
                ps.setString(6, a.why());
                ps.setString(7, mapper.writeValueAsString(a.brief()));
                ps.setTimestamp(8, Timestamp.from(a.assignedAt()));
                ps.setDate(9, Date.valueOf(a.dueDate()));
                ps.setString(10, a.status().name());
                ps.setString(11, a.outcome() == null ? null : a.outcome().name());
                ps.setString(12, a.learnedCause());
                ps.setString(13, a.winBackChance() == null ? null : a.winBackChance().name());
                ps.setString(14, a.notes());
                ps.setString(15, a.followUp());
                ps.setTimestamp(16, a.completedAt() == null ? null : Timestamp.from(a.completedAt()));
                ps.setString(17, a.completedBy());
                ps.setObject(18, a.reassignedFrom());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not store assignments", e);
        }
    }

    public void complete(UUID id, CallOutcome outcome, String learnedCause, WinBackChance winBackChance, String notes,
                         String followUp, Instant at, String by) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COMPLETE)) {
            ps.setString(1, outcome.name());
            ps.setString(2, learnedCause);
            ps.setString(3, winBackChance == null ? null : winBackChance.name());
            ps.setString(4, notes);
            ps.setString(5, followUp);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, by);
            ps.setObject(8, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the outcome", e);
        }
    }

    /** Open calls due on or before this date that were not reminded yet. */
    public List<CallAssignment> toRemind(java.time.LocalDate dueBy) {
        return query(" where status = 'ASSIGNED' and reminded_at is null and due_date <= ? order by due_date, id",
                java.sql.Date.valueOf(dueBy));
    }

    /** Open calls past their due date that were not escalated yet. */
    public List<CallAssignment> toEscalate(java.time.LocalDate today) {
        return query(" where status = 'ASSIGNED' and escalated_at is null and due_date < ? order by due_date, id",
                java.sql.Date.valueOf(today));
    }

    /** Sets status REASSIGNED, or reminded_at / escalated_at, on one row. */
    public void mark(UUID id, String column, Instant at) {
        String sql = switch (column) {
            case "reassigned" -> "update call_assignment set status = 'REASSIGNED' where id = ?";
            case "reminded" -> "update call_assignment set reminded_at = ? where id = ?";
            case "escalated" -> "update call_assignment set escalated_at = ? where id = ?";
            default -> throw new IllegalArgumentException(column);
        };
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (column.equals("reassigned")) {
                ps.setObject(1, id);
            } else {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setObject(2, id);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update assignment " + id, e);
        }
    }

    public Optional<CallAssignment> lock(UUID id) {
        return query(" where id = ? for update", id).stream().findFirst();
    }

    public Optional<CallAssignment> find(UUID id) {
        return query(" where id = ?", id).stream().findFirst();
    }

    public List<CallAssignment> ofMonth(YearMonth month) {
        return query(" where month = ? order by executive_id, assigned_at, id", month.toString());
    }

    public List<CallAssignment> ofExecutive(String executiveId) {
        return query(" where executive_id = ? order by due_date desc, id", executiveId);
    }

    /** When each of these customers was last called by an executive (completed calls). */
    public Map<String, Instant> lastCalls(Collection<String> customerIds) {
        Map<String, Instant> last = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select customer_id, max(completed_at) from call_assignment
                where customer_id = any(?) and completed_at is not null group by customer_id""")) {
            ps.setArray(1, c.createArrayOf("text", customerIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read call history", e);
        }
        return last;
    }

    private List<CallAssignment> query(String where, Object arg) {
        List<CallAssignment> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from call_assignment" + where)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read assignments", e);
        }
        return found;
    }

    private CallAssignment read(ResultSet rs) throws SQLException, JsonProcessingException {
        Timestamp completed = rs.getTimestamp(16);
        return new CallAssignment(rs.getObject(1, UUID.class), YearMonth.parse(rs.getString(2)),
                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                mapper.readValue(rs.getString(7), Brief.class), rs.getTimestamp(8).toInstant(),
                rs.getDate(9).toLocalDate(), CallAssignment.Status.valueOf(rs.getString(10)),
                enumOrNull(CallOutcome.class, rs.getString(11)), rs.getString(12),
                enumOrNull(WinBackChance.class, rs.getString(13)), rs.getString(14), rs.getString(15),
                completed == null ? null : completed.toInstant(), rs.getString(17), rs.getObject(18, UUID.class));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
