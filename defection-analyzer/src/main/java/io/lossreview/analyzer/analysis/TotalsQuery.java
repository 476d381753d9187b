package io.lossreview.analyzer.analysis;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Reads month_total rows: the read side every month view is computed from. */
@ApplicationScoped
public class TotalsQuery {

    private static final String RANGE = """
            select month, bucket, cause, customers, seats, mrr, arr, lifetime_value, unvalued, won_back, won_back_arr
            from month_total where dimension = ? and month between ? and ?""";
    private static final String LATEST = "select max(month) from month_total";
    private static final String FIRST = "select min(month) from month_total";

    /** One row: a bucket ("" for the whole month) and cause within a month. */
    public record Row(YearMonth month, String bucket, String cause, Measures measures) {
    }

    private final AgroalDataSource dataSource;

    public TotalsQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Row> rows(String dimension, YearMonth from, YearMonth to) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RANGE)) {
            ps.setString(1, dimension);
            ps.setString(2, from.toString());
            ps.setString(3, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(YearMonth.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                            new Measures(rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                                    rs.getBigDecimal(8), rs.getInt(9), rs.getInt(10), rs.getBigDecimal(11))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read month totals", e);
        }
        return rows;
    }

    /** The latest month with any figures, if any. */
    public java.util.Optional<YearMonth> latestMonth() {
        return month(LATEST);
    }

    /** The first month with any figures: emerging-cause baselines start there. */
    public java.util.Optional<YearMonth> firstMonth() {
        return month(FIRST);
    }

    private java.util.Optional<YearMonth> month(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return java.util.Optional.ofNullable(rs.getString(1)).map(YearMonth::parse);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read month totals", e);
        }
    }
}
