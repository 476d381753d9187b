package io.lossreview.analyzer.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.base.MonthBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The month bases churn-ingest measured (table month_base), kept in the consumer batch's transaction: the
 * newest measurement of a month wins, so one arriving late changes nothing.
 */
@ApplicationScoped
public class MonthBases {

    public static final String CONSUMER = "defection-analyzer.base";

    private static final String KEEP = """
            insert into month_base (month, measured_at, document) values (?, ?, ?)
            on conflict (month) do update set measured_at = excluded.measured_at, document = excluded.document
            where month_base.measured_at < excluded.measured_at""";
    private static final String ONE = "select document from month_base where month = ?";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public MonthBases(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** @return the months measured */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<YearMonth> keep(Collection<MonthBase> measured) {
        Map<YearMonth, MonthBase> newest = measured.stream().collect(Collectors.toMap(MonthBase::month, Function.identity(),
                (a, b) -> Comparator.comparing(MonthBase::measuredAt).compare(a, b) >= 0 ? a : b));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(KEEP)) {
            for (MonthBase b : newest.values()) {
                ps.setString(1, b.month().toString());
                ps.setTimestamp(2, Timestamp.from(b.measuredAt()));
                ps.setString(3, mapper.writeValueAsString(b));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not keep month bases", e);
        }
        return new TreeSet<>(newest.keySet());
    }

    public Optional<MonthBase> of(YearMonth month) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ONE)) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.readValue(rs.getString(1), MonthBase.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read the month base", e);
        }
    }

    /** The bases of these months that were measured, in month order; one query. */
    public List<MonthBase> of(List<YearMonth> months) {
        List<MonthBase> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select document from month_base where month = any(?) order by month")) {
            ps.setArray(1, c.createArrayOf("text", months.stream().map(YearMonth::toString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(mapper.readValue(rs.getString(1), MonthBase.class));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read the month bases", e);
        }
        return found;
    }
}
