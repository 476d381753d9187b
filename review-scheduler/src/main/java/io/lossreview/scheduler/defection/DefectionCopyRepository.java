package io.lossreview.scheduler.defection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.defection.DefectionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The scheduler's copy of the defections (newest revision wins), kept from loss.defections inside
 * the batch's transaction, which commits the inbox record of the events applied with it.
 */
@ApplicationScoped
public class DefectionCopyRepository {

    public static final String CONSUMER = "review-scheduler.defections";

    private static final String UPSERT = """
            insert into defection (id, customer_id, revision, loss_month, won_back_at, arr, document)
            values (?, ?, ?, ?, ?, ?, ?::jsonb)
            on conflict (id) do update set customer_id = excluded.customer_id, revision = excluded.revision,
                loss_month = excluded.loss_month, won_back_at = excluded.won_back_at, arr = excluded.arr,
                document = excluded.document, updated_at = now()
            where defection.revision < excluded.revision""";
    private static final String SELECT = "select document, won_back_at from defection";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public DefectionCopyRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<DefectionChanged> fresh) {
        save(DefectionChanged.newestByDefection(fresh).values());
    }

    private void save(Collection<DefectionChanged> defections) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (DefectionChanged d : defections) {
                ps.setObject(1, UUID.fromString(d.defectionId()));
                ps.setString(2, d.customerId());
                ps.setInt(3, d.revision());
                ps.setString(4, d.lossMonth().toString());
                ps.setTimestamp(5, d.wonBackAt() == null ? null : Timestamp.from(d.wonBackAt()));
                ps.setBigDecimal(6, d.value() == null || d.value().valuePending() ? null : d.value().arr());
                ps.setString(7, mapper.writeValueAsString(d));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not save defections", e);
        }
    }

    /** The month's lost customers: a defection withdrawn as a contraction (the customer stayed) is none. */
    public Map<UUID, KnownDefection> ofMonth(YearMonth month) {
        return select(" where loss_month = ? and document ->> 'status' <> 'CONTRACTION'", month.toString());
    }

    public Map<UUID, KnownDefection> byIds(Collection<UUID> ids) {
        return select(" where id = any(?)", ids.toArray(UUID[]::new));
    }

    private Map<UUID, KnownDefection> select(String where, Object arg) {
        Map<UUID, KnownDefection> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            if (arg instanceof UUID[] ids) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
            } else {
                ps.setObject(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DefectionChanged d = mapper.readValue(rs.getString(1), DefectionChanged.class);
                    Timestamp won = rs.getTimestamp(2);
                    found.put(UUID.fromString(d.defectionId()), new KnownDefection(d, won == null ? null : won.toInstant()));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read defections", e);
        }
        return found;
    }
}
