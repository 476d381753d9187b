package io.lossreview.analyzer.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Taxonomy versions and the version each month is pinned to. Transactional: seeding locks the table. */
@ApplicationScoped
@jakarta.transaction.Transactional
public class TaxonomyRepository {

    private static final String SELECT = "select document, created_by, created_at, note from taxonomy_version";
    private static final String INSERT = """
            insert into taxonomy_version (version, effective_from, document, created_by, note)
            values (?, ?, ?::jsonb, ?, ?)""";
    private static final String LOCK = "lock table taxonomy_version in exclusive mode";
    // A month is pinned to the newest version in effect on its first day, once, when it first needs one.
    private static final String PIN = """
            insert into month_taxonomy (month, version)
            select m, (select max(version) from taxonomy_version where effective_from <= to_date(m || '-01', 'YYYY-MM-DD'))
            from unnest(?::text[]) m
            on conflict do nothing""";
    private static final String PINS = "select month, version from month_taxonomy where month = any(?)";
    private static final String PINS_FROM = "select month, version from month_taxonomy where month >= ? order by month";
    private static final String REPIN = """
            insert into month_taxonomy (month, version) select unnest(?::text[]), ?
            on conflict (month) do update set version = excluded.version, pinned_at = now()""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Map<Integer, TaxonomyVersion> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public TaxonomyRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public List<TaxonomyVersion> all() {
        ensureSeeded();
        return select(SELECT + " order by version", null);
    }

    /** A version; versions never change once stored, so each is read once. */
    public TaxonomyVersion get(int version) {
        return cache.computeIfAbsent(version, this::load);
    }

    private TaxonomyVersion load(int version) {
        List<TaxonomyVersion> found = select(SELECT + " where version = ?", version);
        if (found.isEmpty()) {
            throw new IllegalStateException("taxonomy version " + version + " does not exist");
        }
        return found.get(0);
    }

    /** Stores the next version (its number is assigned here; the table is locked so numbers never collide). */
    public Taxonomy add(Taxonomy draft, String createdBy, String note) {
        return add(draft, createdBy, note, false);
    }

    /** The shipped taxonomy applies to every month, however old. */
    static final java.time.LocalDate FIRST_EFFECTIVE = java.time.LocalDate.of(1970, 1, 1);

    private volatile boolean seeded;

    /** Stores the shipped taxonomy as version 1 unless a version exists (several instances may start at once). */
    public void ensureSeeded() {
        if (!seeded) {
            add(new Taxonomy(1, FIRST_EFFECTIVE, Taxonomy.defaults().causes()), "system", "shipped default taxonomy", true);
            seeded = true;
        }
    }

    private Taxonomy add(Taxonomy draft, String createdBy, String note, boolean onlyIfEmpty) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(LOCK)) {
                lock.execute();
            }
            int next;
            try (PreparedStatement max = c.prepareStatement("select coalesce(max(version), 0) + 1 from taxonomy_version");
                 ResultSet rs = max.executeQuery()) {
                rs.next();
                next = rs.getInt(1);
            }
            if (onlyIfEmpty && next > 1) {
                return null;
            }
            Taxonomy stored = new Taxonomy(next, draft.effectiveFrom(), draft.causes());
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setInt(1, next);
                ps.setDate(2, Date.valueOf(stored.effectiveFrom()));
                ps.setString(3, mapper.writeValueAsString(stored));
                ps.setString(4, createdBy);
                ps.setString(5, note);
                ps.executeUpdate();
            }
            return stored;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not store a taxonomy version", e);
        }
    }

    /** The version of each month, pinning the months that have none yet. */
    public Map<YearMonth, Integer> pin(Collection<YearMonth> months) {
        ensureSeeded();
        Object[] keys = months.stream().map(YearMonth::toString).distinct().toArray();
        try (Connection c = dataSource.getConnection(); PreparedStatement pin = c.prepareStatement(PIN);
             PreparedStatement read = c.prepareStatement(PINS)) {
            pin.setArray(1, c.createArrayOf("text", keys));
            pin.executeUpdate();
            read.setArray(1, c.createArrayOf("text", keys));
            return pins(read);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not pin taxonomy versions", e);
        }
    }

    /** The version a month is pinned to, if it has one yet. */
    public java.util.Optional<Integer> pinned(YearMonth month) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PINS)) {
            ps.setArray(1, c.createArrayOf("text", new Object[] {month.toString()}));
            return java.util.Optional.ofNullable(pins(ps).get(month));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the pinned version", e);
        }
    }

    /** The newest version stored. */
    public TaxonomyVersion latest() {
        List<TaxonomyVersion> all = all();
        return all.get(all.size() - 1);
    }

    /** Months from this one on that are already pinned, with their versions. */
    public Map<YearMonth, Integer> pinnedFrom(YearMonth from) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PINS_FROM)) {
            ps.setString(1, from.toString());
            return pins(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pinned months", e);
        }
    }

    /** Moves months to another version: only an explicit backfill does this. */
    public void repin(Collection<YearMonth> months, int version) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(REPIN)) {
            ps.setArray(1, c.createArrayOf("text", months.stream().map(YearMonth::toString).toArray()));
            ps.setInt(2, version);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-pin months", e);
        }
    }

    private static Map<YearMonth, Integer> pins(PreparedStatement ps) throws SQLException {
        Map<YearMonth, Integer> pins = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pins.put(YearMonth.parse(rs.getString(1)), rs.getInt(2));
            }
        }
        return pins;
    }

    private List<TaxonomyVersion> select(String sql, Integer version) {
        List<TaxonomyVersion> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (version != null) {
                ps.setInt(1, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new TaxonomyVersion(mapper.readValue(rs.getString(1), Taxonomy.class), rs.getString(2),
                            rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read taxonomy versions", e);
        }
        return found;
    }
}
