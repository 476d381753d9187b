package io.lossreview.scheduler.actions;

import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.review.ActionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The action_item table. */
@ApplicationScoped
public class ActionItems {

    private static final String COLUMNS = "id, cause, description, owner, due_date, status, opened_month, created_at, "
            + "created_by, updated_at, updated_by";
    private static final String UPSERT = "insert into action_item (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (id) do update set cause = excluded.cause, description = excluded.description, "
            + "owner = excluded.owner, due_date = excluded.due_date, status = excluded.status, "
            + "updated_at = excluded.updated_at, updated_by = excluded.updated_by";

    private final AgroalDataSource dataSource;

    public ActionItems(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(ActionItem a) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setObject(1, a.id());
            ps.setString(2, a.cause());
            ps.setString(3, a.description());
            ps.setString(4, a.owner());
            ps.setDate(5, Date.valueOf(a.dueDate()));
            ps.setString(6, a.status().name());
            ps.setString(7, a.openedMonth().toString());
            ps.setTimestamp(8, Timestamp.from(a.createdAt()));
            ps.setString(9, a.createdBy());
            ps.setTimestamp(10, Timestamp.from(a.updatedAt()));
            ps.setString(11, a.updatedBy());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save action " + a.id(), e);
        }
    }

    public Optional<ActionItem> find(UUID id) {
        return query(" where id = ?", id).stream().findFirst();
    }

    /** Actions opened up to this month, oldest due first. */
    public List<ActionItem> openedBy(YearMonth month) {
        return query(" where opened_month <= ? order by due_date, id", month.toString());
    }

    public List<ActionItem> all(ActionStatus status) {
        return status == null ? query(" order by due_date, id", null) : query(" where status = ? order by due_date, id", status.name());
    }

    private List<ActionItem> query(String where, Object arg) {
        List<ActionItem> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from action_item" + where)) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new ActionItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getDate(5).toLocalDate(), ActionStatus.valueOf(rs.getString(6)),
                            YearMonth.parse(rs.getString(7)), rs.getTimestamp(8).toInstant(), rs.getString(9),
                            rs.getTimestamp(10).toInstant(), rs.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read actions", e);
        }
        return found;
    }
}
