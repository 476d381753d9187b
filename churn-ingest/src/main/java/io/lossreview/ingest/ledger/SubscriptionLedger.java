package io.lossreview.ingest.ledger;

import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The subscription ledger (table subscription_entry), written in the consumer batch's transaction.
 * Plain JDBC in batches, like the defection documents beside it, on the path bench-ingest.sh measures.
 */
@ApplicationScoped
public class SubscriptionLedger {

    // The same fact again (an opening balance loaded twice) replaces the first.
    private static final String UPSERT = """
            insert into subscription_entry (customer_id, subscription_id, at, kind, mrr_amount, mrr_currency, seats, plan,
                                            segment, region, voluntary, source, source_id, wins_back)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (customer_id, subscription_id, source, source_id) do update set
                at = excluded.at, kind = excluded.kind, mrr_amount = excluded.mrr_amount,
                mrr_currency = excluded.mrr_currency, seats = excluded.seats, plan = excluded.plan,
                segment = excluded.segment, region = excluded.region, voluntary = excluded.voluntary,
                recorded_seq = nextval('subscription_entry_seq'),
                wins_back = coalesce(subscription_entry.wins_back, excluded.wins_back)""";
    private static final String OF_CUSTOMERS = """
            select customer_id, subscription_id, at, kind, mrr_amount, mrr_currency, seats, plan, segment, region,
                   voluntary, source, source_id, wins_back
            from subscription_entry
            where customer_id = any(?)""";
    private static final String ALL = """
            select customer_id, subscription_id, at, kind, mrr_amount, mrr_currency, seats, plan, segment, region,
                   voluntary, source, source_id, wins_back
            from subscription_entry""";
    private static final String NEWEST = "select coalesce(max(recorded_seq), 0) from subscription_entry";
    private static final String WINS_BACK = """
            update subscription_entry set wins_back = ?
            where customer_id = ? and subscription_id = ? and source = ? and source_id = ?""";

    private final AgroalDataSource dataSource;

    public SubscriptionLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void add(Collection<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (LedgerEntry e : entries) {
                ps.setString(1, e.customerId());
                ps.setString(2, e.subscriptionId());
                ps.setTimestamp(3, Timestamp.from(e.at()));
                ps.setString(4, e.kind().name());
                ps.setBigDecimal(5, e.mrr() == null ? null : e.mrr().amount());
                ps.setString(6, e.mrr() == null ? null : e.mrr().currency());
                if (e.seats() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, e.seats());
                }
                ps.setString(8, e.plan());
                ps.setString(9, e.segment());
                ps.setString(10, e.region());
                ps.setObject(11, e.voluntary(), Types.BOOLEAN);
                ps.setString(12, e.source());
                ps.setString(13, e.sourceId());
                ps.setObject(14, e.winsBack());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the subscription ledger", e);
        }
    }

    /** Every fact of the ledger (the month base is measured from all of them). */
    public List<LedgerEntry> all() {
        return entries(ALL, null);
    }

    /** The number of the newest write: it grows with every fact written or replaced. */
    public long newest() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(NEWEST);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the subscription ledger", e);
        }
    }

    /** Every fact of these customers (this transaction's included). */
    public List<LedgerEntry> ofCustomers(Collection<String> customerIds) {
        return entries(OF_CUSTOMERS, customerIds);
    }

    /** The facts a query finds, its one parameter (if any) the customers. */
    private List<LedgerEntry> entries(String sql, Collection<String> customerIds) {
        List<LedgerEntry> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            if (customerIds != null) {
                ps.setArray(1, c.createArrayOf("text", customerIds.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(entry(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the subscription ledger", e);
        }
        return found;
    }

    /** Records which loss each of these stored entries won back. */
    public void markWinsBack(Collection<LedgerEntry> won) {
        if (won.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(WINS_BACK)) {
            for (LedgerEntry e : won) {
                ps.setObject(1, e.winsBack());
                ps.setString(2, e.customerId());
                ps.setString(3, e.subscriptionId());
                ps.setString(4, e.source());
                ps.setString(5, e.sourceId());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the subscription ledger", e);
        }
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        String currency = rs.getString(6);
        int seats = rs.getInt(7);
        Integer seatsOrNull = rs.wasNull() ? null : seats;
        return new LedgerEntry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                LedgerEntry.Kind.valueOf(rs.getString(4)),
                currency == null ? null : new Money(rs.getBigDecimal(5), currency.strip()),
                seatsOrNull, rs.getString(8), rs.getString(9), rs.getString(10), rs.getObject(11, Boolean.class),
                rs.getString(12), rs.getString(13), rs.getObject(14, UUID.class));
    }
}
