package io.lossreview.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recomputes every month's figures from nothing but the published bytes and the FX list, the way a consumer would,
 * and requires the simulator's expected figures to match to the cent.
 */
class ExpectedFromEventsTest {

    private static final class Customer {
        final List<JsonNode> cancelled = new ArrayList<>();
        JsonNode churned;
        JsonNode reactivated;
    }

    private record Figures(long customers, long seats, BigDecimal mrr, long wonBack, long unvalued) {
    }

    @Test
    void expectedFiguresFollowFromThePublishedEvents() {
        SimulatedStream stream = TestEvents.year(42);
        Map<String, NavigableMap<LocalDate, BigDecimal>> fx = new HashMap<>();
        stream.fxRates().forEach(r -> fx.computeIfAbsent(r.currency(), c -> new TreeMap<>()).put(r.date(), r.rate()));

        Map<String, Customer> customers = new HashMap<>();
        for (SimEvent e : stream.events()) {
            if (e.kind() != SimEvent.Kind.VALID) {
                continue;
            }
            JsonNode data = TestEvents.data(e);
            Customer c = customers.computeIfAbsent(data.get("customerId").asText(), k -> new Customer());
            switch (e.topic()) {
                case Topics.BILLING_SUBSCRIPTION_CANCELLED -> c.cancelled.add(data);
                case Topics.CRM_ACCOUNT_CHURNED -> c.churned = data;
                default -> c.reactivated = data;
            }
        }

        Map<String, Figures> months = new TreeMap<>();
        for (Customer c : customers.values()) {
            Instant loss;
            long seats = 0;
            BigDecimal mrr = new BigDecimal("0.00");
            boolean wonBack = false;
            if (c.cancelled.isEmpty()) {
                loss = Instant.parse(c.churned.get("churnedAt").asText());
            } else {
                loss = c.cancelled.stream().map(d -> Instant.parse(d.path("effectiveAt").asText(d.get("cancelledAt").asText())))
                        .max(Instant::compareTo).orElseThrow();
                Instant firstCancel = c.cancelled.stream().map(d -> Instant.parse(d.get("cancelledAt").asText()))
                        .min(Instant::compareTo).orElseThrow();
                LocalDate day = LocalDate.ofInstant(loss, ZoneOffset.UTC);
                for (JsonNode d : c.cancelled) {
                    seats += d.path("seats").asInt(1);
                    String currency = d.at("/mrr/currency").asText();
                    BigDecimal rate = currency.equals("USD") ? BigDecimal.ONE : fx.get(currency).floorEntry(day).getValue();
                    mrr = mrr.add(new BigDecimal(d.at("/mrr/amount").asText()).multiply(rate).setScale(2, RoundingMode.HALF_UP));
                }
                if (c.reactivated != null) {
                    Instant at = Instant.parse(c.reactivated.get("reactivatedAt").asText());
                    wonBack = !at.isBefore(firstCancel) && !at.isAfter(loss.plus(Duration.ofDays(90)));
                }
            }
            boolean valued = !c.cancelled.isEmpty();
            boolean won = wonBack;
            long s = seats;
            BigDecimal m = mrr;
            months.merge(YearMonth.from(loss.atZone(ZoneOffset.UTC)).toString(),
                    won ? new Figures(0, 0, new BigDecimal("0.00"), 1, 0) : new Figures(1, s, m, 0, valued ? 0 : 1),
                    (a, b) -> new Figures(a.customers + b.customers, a.seats + b.seats, a.mrr.add(b.mrr),
                            a.wonBack + b.wonBack, a.unvalued + b.unvalued));
        }

        ExpectedFigures expected = stream.expected();
        assertEquals(12, expected.months().size());
        long wonBackTotal = 0;
        for (ExpectedFigures.MonthFigures m : expected.months()) {
            Figures actual = months.get(m.month());
            assertEquals(new Figures(m.customers(), m.seats(), m.mrr(), m.wonBack(), m.unvalued()), actual, m.month());
            assertEquals(m.mrr().multiply(BigDecimal.valueOf(12)), m.arr(), m.month());
            assertEquals(2, m.mrr().scale());
            assertEquals(m.customers(), m.byCause().values().stream().mapToLong(ExpectedFigures.CauseFigures::customers).sum());
            assertEquals(m.seats(), m.byCause().values().stream().mapToLong(ExpectedFigures.CauseFigures::seats).sum());
            assertEquals(m.mrr(), m.byCause().values().stream().map(ExpectedFigures.CauseFigures::mrr).reduce(BigDecimal::add).orElseThrow());
            wonBackTotal += m.wonBack();
        }
        assertEquals(expected.months().size(), months.size(), "no loss outside the simulated months");
        assertEquals(customers.size(), 12 * 300);
        assertEquals(expected.counts().wonBack(), wonBackTotal);
        assertTrue(wonBackTotal > 0 && expected.months().stream().mapToLong(ExpectedFigures.MonthFigures::unvalued).sum() > 0);
    }
}
