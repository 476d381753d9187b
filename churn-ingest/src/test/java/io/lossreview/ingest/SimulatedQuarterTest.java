package io.lossreview.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.DefectionStatus;
import io.lossreview.simulator.ExpectedFigures;
import io.lossreview.simulator.FxRate;
import io.lossreview.simulator.Publisher;
import io.lossreview.simulator.SimEvent;
import io.lossreview.simulator.SimulatedStream;
import io.lossreview.simulator.Simulation;
import io.lossreview.simulator.SimulationConfig;
import io.lossreview.testing.LocalStack;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A simulated quarter through the real broker: what churn-ingest publishes equals the truth, to the cent. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class SimulatedQuarterTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;

    /** Per month: customers, seats, mrr, arr, wonBack, unvalued, as churn-ingest published them. */
    record Totals(long customers, long seats, BigDecimal mrr, BigDecimal arr, long wonBack, long unvalued) {
    }

    @Test
    void publishedDefectionsMatchTheSimulatorsExpectedFigures() throws Exception {
        java.sql.Timestamp start = java.sql.Timestamp.from(java.time.Instant.now());
        SimulatedStream stream = Simulation.generate(SimulationConfig.defaults(11, YearMonth.of(2025, 1), 3, 150));
        given().contentType("text/csv").body(FxRate.toCsv(stream.fxRates())).put("/fx-rates").then().statusCode(200);
        Set<String> customers = stream.events().stream().map(SimEvent::key).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        ExpectedFigures expected = stream.expected();

        Publisher.publish(stream, LocalStack.KAFKA, prefix, (acked, total) -> { });
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> acceptedSince(start) == expected.counts().valid());

        Map<YearMonth, Totals> actual = totals(customers);
        for (ExpectedFigures.MonthFigures m : expected.months()) {
            Totals t = actual.get(YearMonth.parse(m.month()));
            Totals want = new Totals(m.customers(), m.seats(), m.mrr(), m.arr(), m.wonBack(), m.unvalued());
            System.out.printf("%s expected %s%n        actual   %s%n", m.month(), want, t);
            assertEquals(want, t, "month " + m.month());
        }
        // Unreadable payloads carry no customer: count only what was rejected since this test began.
        assertEquals(expected.counts().malformed(), count("select count(*) from dead_letter where"
                + " (subject = any(?) or subject is null) and received_at >= ?", customers, start));
    }

    /** The latest revision of every defection of these customers, summed per loss month. */
    private Map<YearMonth, Totals> totals(Set<String> customers) throws SQLException {
        Map<String, DefectionChanged> latest = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select payload from outbox where topic = 'loss.defections' and event_key = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", customers.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode data = ContractJson.mapper().readTree(rs.getString(1)).get("data");
                    DefectionChanged d = ContractJson.mapper().convertValue(data, DefectionChanged.class);
                    latest.merge(d.defectionId(), d, (a, b) -> a.revision() >= b.revision() ? a : b);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Map<YearMonth, Totals> totals = new HashMap<>();
        for (DefectionChanged d : latest.values()) {
            boolean lost = d.status() == DefectionStatus.LOST;
            boolean valued = lost && !d.value().valuePending();
            BigDecimal mrr = valued ? d.value().mrr() : BigDecimal.ZERO.setScale(2);
            Totals add = new Totals(lost ? 1 : 0, lost ? d.seats() : 0, mrr, valued ? d.value().arr() : mrr,
                    lost ? 0 : 1, lost && d.value().valuePending() ? 1 : 0);
            totals.merge(d.lossMonth(), add, (a, b) -> new Totals(a.customers() + b.customers(), a.seats() + b.seats(),
                    a.mrr().add(b.mrr()), a.arr().add(b.arr()), a.wonBack() + b.wonBack(), a.unvalued() + b.unvalued()));
        }
        return totals;
    }

    /** Events churn-ingest accepted (its inbox) since the test began. */
    private long acceptedSince(java.sql.Timestamp start) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from inbox where consumer = 'churn-ingest' and processed_at >= ?")) {
            ps.setTimestamp(1, start);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql, Set<String> customers, Object... more) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", customers.toArray()));
            for (int i = 0; i < more.length; i++) {
                ps.setObject(i + 2, more[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
