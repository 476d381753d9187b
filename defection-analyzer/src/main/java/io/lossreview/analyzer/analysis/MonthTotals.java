package io.lossreview.analyzer.analysis;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The month_total table: kept incrementally by adding each batch's net change, and recomputable
 * from the stored defections with one GROUP BY. Both must always agree (see the invariant test).
 * Plain JDBC on purpose: the incremental upsert of sums runs for every defection change and is on
 * the path bench-analyzer.sh measures.
 */
@ApplicationScoped
public class MonthTotals {

    private static final String ADD = """
            insert into month_total as t (month, dimension, bucket, cause, customers, seats, mrr, arr, lifetime_value,
                unvalued, won_back, won_back_arr)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::numeric[],
                ?::numeric[], ?::numeric[], ?::int[], ?::int[], ?::numeric[])
            on conflict (month, dimension, bucket, cause) do update set
                customers = t.customers + excluded.customers, seats = t.seats + excluded.seats,
                mrr = t.mrr + excluded.mrr, arr = t.arr + excluded.arr,
                lifetime_value = t.lifetime_value + excluded.lifetime_value, unvalued = t.unvalued + excluded.unvalued,
                won_back = t.won_back + excluded.won_back, won_back_arr = t.won_back_arr + excluded.won_back_arr""";
    private static final String DROP_EMPTY =
            "delete from month_total where month = any(?) and customers = 0 and won_back = 0";
    // Sorted, so concurrent writers lock months in the same order and cannot deadlock. Net changes
    // add up in any order, so writers share the lock; only a rebuild needs the month to itself.
    private static final String SHARE_MONTHS = """
            select count(pg_advisory_xact_lock_shared(k)) from (
                select distinct hashtextextended('month:' || m, 0) k from unnest(?::text[]) m order by k) s""";
    private static final String OWN_MONTHS = """
            select count(pg_advisory_xact_lock(k)) from (
                select distinct hashtextextended('month:' || m, 0) k from unnest(?::text[]) m order by k) s""";
    private static final String COLUMNS = "month, dimension, bucket, cause, customers, seats, mrr, arr, "
            + "lifetime_value, unvalued, won_back, won_back_arr";
    private static final String STORED = "select " + COLUMNS + " from month_total where month = ?";
    /** The same figures, from scratch: each defection counts once per dimension. */
    private static final String RECOMPUTE = """
            select d.loss_month, v.dimension, v.bucket, d.cause,
                count(*) filter (where not won_back),
                coalesce(sum(seats) filter (where not won_back), 0),
                coalesce(sum(mrr) filter (where not won_back and not value_pending), 0),
                coalesce(sum(arr) filter (where not won_back and not value_pending), 0),
                coalesce(sum(lifetime_value) filter (where not won_back and not value_pending), 0),
                count(*) filter (where not won_back and value_pending),
                count(*) filter (where won_back),
                coalesce(sum(arr) filter (where won_back and not value_pending), 0)
            from defection d cross join lateral (values ('all', ''), ('segment', d.segment), ('region', d.region),
                ('plan', d.plan), ('tenure', d.tenure_band),
                ('voluntary', case when d.voluntary then 'VOLUNTARY' else 'INVOLUNTARY' end)) v(dimension, bucket)
            where d.loss_month = ?
            group by 1, 2, 3, 4""";
    private static final String DELETE_MONTH = "delete from month_total where month = ?";
    private static final String INSERT_RECOMPUTED = "insert into month_total (" + COLUMNS + ") " + RECOMPUTE;

    private final AgroalDataSource dataSource;

    public MonthTotals(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps a rebuild of these months out until the transaction ends (other writers may go on). */
    public void lock(Collection<YearMonth> months) {
        lock(SHARE_MONTHS, months);
    }

    /** Takes these months for this transaction alone: no writer adds to them meanwhile. */
    public void lockExclusively(Collection<YearMonth> months) {
        lock(OWN_MONTHS, months);
    }

    private void lock(String sql, Collection<YearMonth> months) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", months.stream().map(YearMonth::toString).toArray()));
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock months", e);
        }
    }

    /** Adds a net change; rows that drop to nothing are removed, as a recomputation would not have them. */
    public void add(Map<TotalKey, Measures> delta) {
        if (delta.isEmpty()) {
            return;
        }
        // Sorted rows: concurrent upserts touch rows in the same order.
        List<Map.Entry<TotalKey, Measures>> rows = delta.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing((TotalKey k) -> k.month())
                        .thenComparing(TotalKey::dimension).thenComparing(TotalKey::bucket).thenComparing(TotalKey::cause)))
                .toList();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ADD);
             PreparedStatement drop = c.prepareStatement(DROP_EMPTY)) {
            ps.setArray(1, c.createArrayOf("text", rows.stream().map(e -> e.getKey().month().toString()).toArray()));
            ps.setArray(2, c.createArrayOf("text", rows.stream().map(e -> e.getKey().dimension()).toArray()));
            ps.setArray(3, c.createArrayOf("text", rows.stream().map(e -> e.getKey().bucket()).toArray()));
            ps.setArray(4, c.createArrayOf("text", rows.stream().map(e -> e.getKey().cause()).toArray()));
            ps.setArray(5, c.createArrayOf("int4", rows.stream().map(e -> e.getValue().customers()).toArray()));
            ps.setArray(6, c.createArrayOf("int4", rows.stream().map(e -> e.getValue().seats()).toArray()));
            ps.setArray(7, c.createArrayOf("numeric", rows.stream().map(e -> e.getValue().mrr()).toArray()));
            ps.setArray(8, c.createArrayOf("numeric", rows.stream().map(e -> e.getValue().arr()).toArray()));
            ps.setArray(9, c.createArrayOf("numeric", rows.stream().map(e -> e.getValue().lifetimeValue()).toArray()));
            ps.setArray(10, c.createArrayOf("int4", rows.stream().map(e -> e.getValue().unvalued()).toArray()));
            ps.setArray(11, c.createArrayOf("int4", rows.stream().map(e -> e.getValue().wonBack()).toArray()));
            ps.setArray(12, c.createArrayOf("numeric", rows.stream().map(e -> e.getValue().wonBackArr()).toArray()));
            ps.executeUpdate();
            drop.setArray(1, c.createArrayOf("text", rows.stream().map(e -> e.getKey().month().toString()).distinct().toArray()));
            drop.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update month totals", e);
        }
    }

    /** The month's rows as kept incrementally. */
    public Map<TotalKey, Measures> stored(YearMonth month) {
        return read(STORED, month);
    }

    /** The month's rows recomputed from the stored defections. */
    public Map<TotalKey, Measures> recomputed(YearMonth month) {
        return read(RECOMPUTE, month);
    }

    /** Replaces the month's rows with a recomputation (caller holds the month lock). */
    public void rebuild(YearMonth month) {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(DELETE_MONTH);
             PreparedStatement insert = c.prepareStatement(INSERT_RECOMPUTED)) {
            delete.setString(1, month.toString());
            delete.executeUpdate();
            insert.setString(1, month.toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rebuild " + month, e);
        }
    }

    private Map<TotalKey, Measures> read(String sql, YearMonth month) {
        Map<TotalKey, Measures> rows = new TreeMap<>(Comparator.comparing(TotalKey::dimension)
                .thenComparing(TotalKey::bucket).thenComparing(TotalKey::cause));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(new TotalKey(YearMonth.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                                    rs.getString(4)),
                            new Measures(rs.getInt(5), rs.getInt(6), money(rs, 7), money(rs, 8), money(rs, 9),
                                    rs.getInt(10), rs.getInt(11), money(rs, 12)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read totals of " + month, e);
        }
        return rows;
    }

    private static BigDecimal money(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
