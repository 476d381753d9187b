package io.lossreview.analyzer.defection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.analysis.view.CauseSource;
import io.lossreview.contracts.analysis.view.DefectionCause;
import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.contracts.analysis.view.Page;
import io.lossreview.contracts.analysis.view.ReviewQueueMonth;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Lists and finds defections for ops; largest ARR first, so the costly ones come up first. */
@ApplicationScoped
public class DefectionQueries {

    private static final String ORDER = " order by arr desc nulls last, id";
    /** A customer's defections, newest first. */
    private static final String NEWEST_FIRST = " order by loss_month desc, document ->> 'lossDate' desc nulls last, id";
    // The partial index defection_review holds exactly the queue: this reads the queue, not the table.
    private static final String QUEUE_MONTHS = "select loss_month, count(*), count(*) filter (where not has_words) "
            + "from defection where needs_review group by loss_month order by loss_month desc";

    /**
     * Filters of the defection list; null means "any". {@code hasWords}: the customer left a comment or stated
     * reason (column has_words, kept by PostgreSQL from the document).
     */
    public record Filter(YearMonth month, String cause, String segment, Boolean valuePending, Boolean needsReview,
                         Boolean hasWords) {

        public static Filter of(YearMonth month, String cause, String segment, Boolean valuePending) {
            return new Filter(month, cause, segment, valuePending, null, null);
        }

        public static Filter reviewQueue(YearMonth month, Boolean hasWords) {
            return new Filter(month, null, null, null, true, hasWords);
        }
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public DefectionQueries(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public Optional<DefectionView> find(UUID id) {
        List<DefectionView> found = select(" where id = ?", List.of(id), ORDER, 1, 0, true);
        return found.stream().findFirst();
    }

    public Page<DefectionView> list(Filter f, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        return new Page<>(select(where, args, ORDER, size, (long) page * size, false), page, size, count(where, args));
    }

    /** The month's (or one cause's) largest losses: the first page of the list, without counting the rest. */
    public List<DefectionView> largest(YearMonth month, String cause, int size) {
        List<Object> args = new ArrayList<>();
        return select(where(Filter.of(month, cause, null, null), args), args, ORDER, size, 0, false);
    }

    /** A customer's defections as detail views (the full defection, contact included), newest first. */
    public List<DefectionView> ofCustomer(String customerId, int max) {
        return select(" where customer_id = ?", List.of(customerId), NEWEST_FIRST, max, 0, true);
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder where = new StringBuilder(" where true");
        add(where, args, " and loss_month = ?", f.month() == null ? null : f.month().toString());
        add(where, args, " and cause = ?", f.cause());
        add(where, args, " and segment = ?", f.segment());
        add(where, args, " and value_pending = ?", f.valuePending());
        add(where, args, " and needs_review = ?", f.needsReview());
        add(where, args, " and has_words = ?", f.hasWords());
        return where.toString();
    }

    /** Every defection of a month with its cause (no paging: a month is tens of thousands of small rows). */
    public List<DefectionCause> causesOf(YearMonth month) {
        List<DefectionCause> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, cause, cause_source, confidence from defection where loss_month = ? order by id")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new DefectionCause(rs.getObject(1, UUID.class), rs.getString(2), CauseSource.valueOf(rs.getString(3)),
                            rs.getDouble(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list causes", e);
        }
        return found;
    }

    /** Low-confidence classifications nobody has decided yet, largest ARR first; hasWords null: with words or not. */
    public Page<DefectionView> reviewQueue(YearMonth month, Boolean hasWords, int page, int size) {
        return list(Filter.reviewQueue(month, hasWords), page, size);
    }

    /** Each month with defections in the review queue, newest first: how many, and how many without words. */
    public List<ReviewQueueMonth> reviewQueueMonths() {
        List<ReviewQueueMonth> months = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(QUEUE_MONTHS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                months.add(new ReviewQueueMonth(YearMonth.parse(rs.getString(1)), rs.getInt(2), rs.getInt(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the review queue", e);
        }
        return months;
    }

    private static void add(StringBuilder where, List<Object> args, String clause, Object value) {
        if (value != null) {
            where.append(clause);
            args.add(value);
        }
    }

    private List<DefectionView> select(String where, List<Object> args, String order, int limit, long offset,
                                       boolean detail) {
        String sql = "select " + DefectionRepository.COLUMNS + " from defection" + where + order + " limit ? offset ?";
        List<DefectionView> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(ps, args);
            ps.setInt(i++, limit);
            ps.setLong(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(DefectionViews.of(DefectionRepository.read(rs, mapper), detail));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not list defections", e);
        }
        return found;
    }

    private long count(String where, List<Object> args) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from defection" + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count defections", e);
        }
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }
}
