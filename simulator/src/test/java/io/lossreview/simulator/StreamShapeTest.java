package io.lossreview.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamShapeTest {

    private static final Pattern CUSTOMER_ID = Pattern.compile("cus_[0-9a-z]{10}");
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("sub_[0-9A-Za-z]{14}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Set<String> TIME_FIELDS = Set.of("cancelledAt", "effectiveAt", "churnedAt", "reactivatedAt", "time");

    @Test
    void noTimestampLiesAfterTheLastMonthAndTimingRulesHold() throws JsonProcessingException {
        SimulatedStream stream = TestEvents.year(42);
        Instant end = SimulationConfig.defaults(42, YearMonth.of(2025, 1), 12, 300).monthStart(YearMonth.of(2026, 1));
        Map<String, List<Instant>> cancels = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < stream.events().size(); i++) {
            SimEvent e = stream.events().get(i);
            if (e.kind() == SimEvent.Kind.MALFORMED) {
                continue;
            }
            ObjectNode env = TestEvents.envelope(e);
            assertTrue(Instant.parse(env.get("time").asText()).isBefore(end), e.value());
            env.get("data").fields().forEachRemaining(f -> {
                if (TIME_FIELDS.contains(f.getKey())) {
                    assertTrue(Instant.parse(f.getValue().asText()).isBefore(end), f + " in " + e.value());
                }
            });
            JsonNode d = env.get("data");
            if (e.kind() == SimEvent.Kind.VALID && e.topic().equals(Topics.BILLING_SUBSCRIPTION_CANCELLED)) {
                Instant cancelledAt = Instant.parse(d.get("cancelledAt").asText());
                Instant effectiveAt = Instant.parse(d.path("effectiveAt").asText(d.get("cancelledAt").asText()));
                assertFalse(effectiveAt.isBefore(cancelledAt), e.value());
                assertFalse(effectiveAt.isAfter(cancelledAt.plus(Duration.ofDays(30))), e.value());
                assertTrue(SUBSCRIPTION_ID.matcher(d.get("subscriptionId").asText()).matches());
                cancels.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(cancelledAt);
                position.put(e.key(), i);
            }
            if (e.kind() == SimEvent.Kind.VALID && e.topic().equals(Topics.CRM_ACCOUNT_CHURNED) && cancels.containsKey(e.key())) {
                List<Instant> c = cancels.get(e.key());
                Instant first = c.stream().min(Instant::compareTo).orElseThrow();
                Instant churnedAt = Instant.parse(d.get("churnedAt").asText());
                assertFalse(churnedAt.isBefore(first), e.value());
                assertFalse(churnedAt.isAfter(first.plus(Duration.ofDays(10))), e.value());
                assertTrue(position.get(e.key()) < i, "CRM is published after billing");
            }
        }
        for (List<Instant> c : cancels.values()) {
            Instant first = c.stream().min(Instant::compareTo).orElseThrow();
            Instant last = c.stream().max(Instant::compareTo).orElseThrow();
            assertFalse(last.isAfter(first.plus(Duration.ofDays(20))), "subscriptions cancelled within 20 days");
        }
    }

    @Test
    void idsAreUniqueAndDuplicatesRepeatAnEarlierEvent() throws JsonProcessingException {
        Map<String, SimEvent> valid = new HashMap<>();
        Set<String> customers = new HashSet<>();
        for (SimEvent e : TestEvents.year(42).events()) {
            if (e.kind() == SimEvent.Kind.VALID) {
                String id = TestEvents.id(e);
                assertTrue(UUID.matcher(id).matches(), id);
                assertEquals(null, valid.put(id, e), "unique id " + id);
                assertTrue(CUSTOMER_ID.matcher(e.key()).matches(), e.key());
                customers.add(e.key());
                String source = TestEvents.envelope(e).get("source").asText();
                assertTrue(e.topic().startsWith("crm.") ? source.equals("/crm/salesforce")
                        : source.equals("/billing/stripe-sync") || source.equals("/billing/chargebee"), source);
            } else if (e.kind() == SimEvent.Kind.DUPLICATE) {
                assertEquals(valid.get(TestEvents.id(e)), new SimEvent(e.topic(), e.key(), e.headers(), e.value(), SimEvent.Kind.VALID),
                        "a duplicate follows its original and repeats it byte for byte");
            }
        }
        assertEquals(12 * 300, customers.size());
    }

    @Test
    void fxRatesCoverEveryDayAroundTheSimulatedMonths() {
        List<FxRate> rates = TestEvents.year(42).fxRates();
        Map<String, LocalDate> next = new HashMap<>(Map.of("CAD", LocalDate.of(2024, 12, 1),
                "EUR", LocalDate.of(2024, 12, 1), "GBP", LocalDate.of(2024, 12, 1)));
        Map<String, BigDecimal> base = Map.of("CAD", new BigDecimal("0.74"), "EUR", new BigDecimal("1.08"), "GBP", new BigDecimal("1.27"));
        for (FxRate r : rates) {
            assertEquals(next.get(r.currency()), r.date(), r.toString());
            next.put(r.currency(), r.date().plusDays(1));
            assertEquals(6, r.rate().scale());
            double ratio = r.rate().doubleValue() / base.get(r.currency()).doubleValue();
            assertTrue(ratio > 0.85 && ratio < 1.15, "a gentle walk: " + r);
        }
        next.values().forEach(d -> assertEquals(LocalDate.of(2026, 2, 1), d));
        String csv = FxRate.toCsv(rates.subList(0, 2));
        assertEquals("date,currency,rate\n2024-12-01,CAD," + rates.get(0).rate().toPlainString() + "\n2024-12-01,EUR,"
                + rates.get(1).rate().toPlainString() + "\n", csv);
    }

    @Test
    void otherReportingCurrenciesGetCrossRates() {
        SimulationConfig eur = new SimulationConfig(5, YearMonth.of(2025, 1), 1, 50, "EUR", java.time.ZoneOffset.UTC, 0.01, 0.01, 0.04, 0);
        List<FxRate> rates = Simulation.generate(eur).fxRates();
        assertEquals(Set.of("CAD", "GBP", "USD"), new HashSet<>(rates.stream().map(FxRate::currency).toList()));
        FxRate usd = rates.stream().filter(r -> r.currency().equals("USD")).findFirst().orElseThrow();
        assertTrue(usd.rate().doubleValue() > 0.8 && usd.rate().doubleValue() < 1.05, usd.toString());
    }
}
