package io.lossreview.analyzer.analysis;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Months whose figures changed and are yet to be announced on loss.analysis. */
@ApplicationScoped
public class ChangedMonths {

    private static final String MARK = """
            insert into month_changed (month) select distinct unnest(?::text[]) order by 1 on conflict do nothing""";
    // skip locked: a month marked by a batch still in flight is announced by the next run.
    private static final String TAKE = """
            delete from month_changed where month in (
                select month from month_changed order by month limit ? for update skip locked) returning month""";

    private final AgroalDataSource dataSource;

    public ChangedMonths(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void mark(Collection<YearMonth> months) {
        if (months.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MARK)) {
            ps.setArray(1, c.createArrayOf("text", months.stream().map(YearMonth::toString).toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark changed months", e);
        }
    }

    /** Removes up to {@code limit} marks in the caller's transaction and returns their months. */
    public List<YearMonth> take(int limit) {
        List<YearMonth> taken = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TAKE)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(YearMonth.parse(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read changed months", e);
        }
        taken.sort(null);
        return taken;
    }
}
