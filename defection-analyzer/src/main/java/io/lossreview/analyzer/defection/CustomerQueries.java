package io.lossreview.analyzer.defection;

import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.analysis.view.CauseDecision;
import io.lossreview.contracts.analysis.view.CustomerMatch;
import io.lossreview.contracts.analysis.view.CustomerStory;
import io.lossreview.contracts.analysis.view.DefectionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.postgresql.PGStatement;

/** Customers across their defections: a customer's whole story, and finding customers by id or name. */
@ApplicationScoped
public class CustomerQueries {

    /**
     * Customers whose id starts with q or whose account name contains it (both case-insensitive, on the indexes
     * of V5__customer_search.sql), ranked per customer by their best row: 0 the exact id, 1 an id prefix, 2 a
     * name prefix, 3 a name substring; then by name and id. Only the chosen few are then looked up whole (newest
     * defection, count) by the customer_id index.
     */
    private static final String SEARCH = """
            with matched as (
                select customer_id,
                       min(case when lower(customer_id) = lower(?) then 0
                                when lower(customer_id) like lower(?) || '%' escape '\\' then 1
                                when lower(account_name) like lower(?) || '%' escape '\\' then 2
                                else 3 end) as rank,
                       min(lower(account_name)) as name
                from defection
                where lower(customer_id) like lower(?) || '%' escape '\\'
                   or lower(account_name) like '%' || lower(?) || '%' escape '\\'
                group by customer_id
                order by rank, name nulls last, customer_id
                limit ?)
            select m.customer_id, newest.account_name, newest.segment, newest.loss_month, counted.defections
            from matched m
            cross join lateral (select account_name, segment, loss_month from defection d
                                where d.customer_id = m.customer_id
                                order by loss_month desc, document ->> 'lossDate' desc nulls last, id limit 1) newest
            cross join lateral (select count(*) as defections from defection d where d.customer_id = m.customer_id) counted
            order by m.rank, m.name nulls last, m.customer_id""";

    private final DefectionQueries defections;
    private final CauseHistoryRepository history;
    private final AgroalDataSource dataSource;

    public CustomerQueries(DefectionQueries defections, CauseHistoryRepository history, AgroalDataSource dataSource) {
        this.defections = defections;
        this.history = history;
        this.dataSource = dataSource;
    }

    /**
     * Every defection of the customer, newest first, each with its cause history; empty when none is known.
     * One snapshot, so each history ends with the decision its defection shows.
     */
    @Transactional
    public Optional<CustomerStory> story(String customerId) {
        Snapshots.repeatableRead(dataSource);
        List<DefectionView> views = defections.ofCustomer(customerId, CustomerStory.MAX_DEFECTIONS);
        if (views.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, List<CauseDecision>> decisions = history.of(views.stream().map(DefectionView::id).toList(),
                CustomerStory.MAX_DECISIONS);
        List<CustomerStory.Episode> episodes = views.stream()
                .map(v -> new CustomerStory.Episode(v, decisions.getOrDefault(v.id(), List.of()))).toList();
        return Optional.of(new CustomerStory(customerId, newest(views, DefectionView::accountName, null),
                newest(views, DefectionView::segment, Dimensions.UNKNOWN),
                newest(views, DefectionView::region, Dimensions.UNKNOWN),
                newest(views, DefectionView::plan, Dimensions.UNKNOWN), episodes));
    }

    /** The newest value the defections (newest first) know, else {@code unknown}. */
    private static String newest(List<DefectionView> views, Function<DefectionView, String> field, String unknown) {
        return views.stream().map(field).filter(Objects::nonNull).filter(v -> !v.isBlank() && !v.equals(Dimensions.UNKNOWN))
                .findFirst().orElse(unknown);
    }

    /** Customers matching q (already stripped, 1..100 characters), best first, at most {@code limit}. */
    public List<CustomerMatch> search(String q, int limit) {
        String like = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<CustomerMatch> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SEARCH)) {
            // Never a server-side prepared statement: its generic plan would not know the pattern, and a LIKE
            // prefix uses the btree only when the planner sees the pattern itself.
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            ps.setString(1, q);
            ps.setString(2, like);
            ps.setString(3, like);
            ps.setString(4, like);
            ps.setString(5, like);
            ps.setInt(6, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new CustomerMatch(rs.getString(1), rs.getString(2), rs.getString(3),
                            YearMonth.parse(rs.getString(4)), rs.getInt(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search customers", e);
        }
        return found;
    }
}
