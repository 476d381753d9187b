package io.lossreview.ingest.fx;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dated FX rates: the rate valid on a date is the latest one published on or before it. */
@ApplicationScoped
public class FxRates {

    /** One (currency, date) a batch needs a rate for. */
    public record Need(String currency, LocalDate date) {
    }

    public record Rate(LocalDate date, String currency, BigDecimal rate) {
    }

    private static final String LOOKUP = """
            select n.currency, n.d, r.rate
            from unnest(?::text[], ?::date[]) as n(currency, d)
            left join lateral (
                select rate from fx_rate where currency = n.currency and rate_date <= n.d
                order by rate_date desc limit 1) r on true""";
    private static final String UPSERT = """
            insert into fx_rate (currency, rate_date, rate) values (?, ?, ?)
            on conflict (currency, rate_date) do update set rate = excluded.rate""";

    private final AgroalDataSource dataSource;

    public FxRates(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** All needed rates in one query; a missing rate is simply absent from the map. */
    public Map<Need, BigDecimal> lookup(Collection<Need> needs) {
        Map<Need, BigDecimal> rates = new HashMap<>();
        if (needs.isEmpty()) {
            return rates;
        }
        List<Need> list = new ArrayList<>(needs);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            ps.setArray(1, c.createArrayOf("text", list.stream().map(Need::currency).toArray()));
            // ISO dates as text and LocalDate back: java.sql.Date goes through time-zone calendars, which showed in profiles.
            ps.setArray(2, c.createArrayOf("date", list.stream().map(n -> n.date().toString()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal rate = rs.getBigDecimal(3);
                    if (rate != null) {
                        rates.put(new Need(rs.getString(1), rs.getObject(2, LocalDate.class)), rate);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up FX rates", e);
        }
        return rates;
    }

    /** A fingerprint of every rate: it changes whenever a rate is added or corrected. */
    public String digest() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select coalesce(md5(string_agg(currency || ' ' || rate_date || ' ' || rate, ',' order by currency, rate_date)), '')
                from fx_rate"""); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read FX rates", e);
        }
    }

    public void upsert(List<Rate> rates) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Rate r : rates) {
                ps.setString(1, r.currency());
                ps.setDate(2, Date.valueOf(r.date()));
                ps.setBigDecimal(3, r.rate());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store FX rates", e);
        }
    }
}
