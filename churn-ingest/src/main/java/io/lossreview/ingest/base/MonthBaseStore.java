package io.lossreview.ingest.base;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What the month-base measurement last announced, and what it measured from (tables month_base, month_base_state). */
@ApplicationScoped
public class MonthBaseStore {

    /** What the last measurement was made from. */
    public record Measured(long ledgerSeq, String fxDigest) {
    }

    private final AgroalDataSource dataSource;

    public MonthBaseStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the measurement for this transaction; empty while another instance measures (it will have
     * measured the same facts).
     */
    public Optional<Measured> claim() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select ledger_seq, fx_digest from month_base_state where id = 1 for update skip locked");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Measured(rs.getLong(1), rs.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the month-base state", e);
        }
    }

    public void measured(Measured now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update month_base_state set ledger_seq = ?, fx_digest = ? where id = 1")) {
            ps.setLong(1, now.ledgerSeq());
            ps.setString(2, now.fxDigest());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the month-base state", e);
        }
    }

    /** Each month's last announced base, as JSON without its measuredAt. */
    public Map<YearMonth, String> announced() {
        Map<YearMonth, String> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select month, document from month_base");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.put(YearMonth.parse(rs.getString(1)), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read month bases", e);
        }
        return found;
    }

    public void announce(Map<YearMonth, String> changed) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into month_base (month, document) values (?, ?)
                on conflict (month) do update set document = excluded.document""")) {
            for (Map.Entry<YearMonth, String> e : changed.entrySet()) {
                ps.setString(1, e.getKey().toString());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write month bases", e);
        }
    }

    /** Lost customers of each month the ledger knows nothing of (announced defections, contractions aside). */
    public Map<YearMonth, Integer> unknownBaseLosses() {
        Map<YearMonth, Integer> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select loss_month, count(*) from defection d
                where d.status <> 'CONTRACTION' and not exists (
                    select 1 from subscription_entry e where e.customer_id = d.customer_id and e.kind in ('BALANCE', 'START'))
                group by loss_month"""); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.put(YearMonth.parse(rs.getString(1)), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count losses of unknown customers", e);
        }
        return found;
    }
}
