package io.lossreview.simulator;

import io.lossreview.contracts.Money;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionChanged;
import io.lossreview.contracts.inbound.SubscriptionReactivated;
import io.lossreview.contracts.inbound.SubscriptionStarted;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The simulator's own base arithmetic, pinned by a month worked out by hand. */
class ExpectedBaseTest {

    private static final SimulationConfig CONFIG = SimulationConfig.defaults(1, YearMonth.of(2025, 1), 2, 0).withBaseCustomers(4);
    private static final FxTable FX = FxTable.of("USD", List.of(
            new FxRate(LocalDate.of(2025, 1, 1), "EUR", new BigDecimal("1.000000")),
            new FxRate(LocalDate.of(2025, 2, 1), "EUR", new BigDecimal("1.100000")),
            new FxRate(LocalDate.of(2025, 2, 12), "EUR", new BigDecimal("9.000000")))); // not the month's first day: unused

    /**
     * Balance on 1 January: A (100, SMB, EMEA, Team), B (200 Pro + 50 Team, MID_MARKET), C (300 EUR), D (80). E starts
     * on 15 January (40). In February: A ends; B drops its Team subscription and raises Pro to 260; C lapses on a failed
     * payment; E ends and its subscription comes back at 45; F starts (70) and ends; G, never known, ends.
     */
    private static final List<CustomerBase.BalanceLine> BALANCE = List.of(
            line("A", "a1", "100", "USD", "Team", "SMB", "EMEA"),
            line("B", "b1", "200", "USD", "Pro", "MID_MARKET", null),
            line("B", "b2", "50", "USD", "Team", null, null),
            line("C", "c1", "300", "EUR", null, null, null),
            line("D", "d1", "80", "USD", null, null, null));
    private static final List<Object> RECORDS = List.of(
            new SubscriptionStarted("E", "e1", null, null, Money.of("40", "USD"), at("2025-01-15T09:00:00Z")),
            end("A", "a1", "100", "USD", "2025-02-10T00:00:00Z", null),
            end("B", "b2", "50", "USD", "2025-02-05T00:00:00Z", true),
            new SubscriptionChanged("B", "b1", null, null, Money.of("260", "USD"), at("2025-02-20T00:00:00Z")),
            end("C", "c1", "300", "EUR", "2025-02-12T00:00:00Z", false),
            end("E", "e1", "40", "USD", "2025-02-03T00:00:00Z", true),
            new SubscriptionReactivated("E", "e1", at("2025-02-25T00:00:00Z"), Money.of("45", "USD")),
            new SubscriptionStarted("F", "f1", null, null, Money.of("70", "USD"), at("2025-02-08T00:00:00Z")),
            end("F", "f1", "70", "USD", "2025-02-18T00:00:00Z", true),
            end("G", "g1", "999", "USD", "2025-02-18T00:00:00Z", true));

    @Test
    void aMonthOfEveryMovement() {
        ExpectedFigures.BaseFigures feb = months().get(YearMonth.of(2025, 2));
        assertEquals(List.of(5L, 1L, 1L, 4L, 3L, 2L, 3L), List.of(feb.atStart(), feb.added(), feb.reactivated(), feb.lost(),
                feb.lostFromStart(), feb.lostVoluntary(), feb.atEnd()));
        // C's 300 EUR at 1 February's 1.10; B contracts by 50 and expands by 60; E churns 40 and comes back at 45.
        assertEquals(List.of("800.00", "70.00", "60.00", "50.00", "540.00", "45.00", "385.00"),
                List.of(feb.mrrAtStart(), feb.mrrAdded(), feb.mrrExpansion(), feb.mrrContraction(), feb.mrrChurned(),
                        feb.mrrReactivation(), feb.mrrAtEnd()).stream().map(BigDecimal::toPlainString).toList());
        assertEquals(new BigDecimal("0.600000"), feb.customerChurn()); // A, C, E of the 5 at the start; F joined in February
        assertEquals(new BigDecimal("0.400000"), feb.voluntaryChurn());
        assertEquals(new BigDecimal("0.200000"), feb.involuntaryChurn());
        assertEquals(new BigDecimal("0.737500"), feb.grossMrrChurn()); // (540 + 50) / 800
        assertEquals(new BigDecimal("0.606250"), feb.netMrrChurn()); // (540 + 50 - 60 - 45) / 800
        assertEquals(1, feb.unknownBaseLosses());
        assertEquals(Map.of("MID_MARKET", 1L, "SMB", 1L, "unknown", 3L), feb.segments());
        assertEquals(Map.of("Pro", 1L, "Team", 1L, "unknown", 3L), feb.plans());
    }

    @Test
    void theBalanceDayStartsTheBaseAndANewCustomerIsNotChurn() {
        ExpectedFigures.BaseFigures jan = months().get(YearMonth.of(2025, 1));
        assertEquals(List.of(4L, 1L, 0L, 0L, 5L), List.of(jan.atStart(), jan.added(), jan.lost(), jan.lostFromStart(), jan.atEnd()));
        assertEquals(new BigDecimal("0.000000"), jan.customerChurn());
        assertNull(months(List.of(), List.of()).get(YearMonth.of(2025, 1)).customerChurn(), "no customers at the start: no rate");
    }

    private static Map<YearMonth, ExpectedFigures.BaseFigures> months() {
        return months(BALANCE, RECORDS);
    }

    private static Map<YearMonth, ExpectedFigures.BaseFigures> months(List<CustomerBase.BalanceLine> balance, List<Object> records) {
        List<ExpectedBase.Fact> facts = ExpectedBase.facts(CONFIG, balance, records);
        return ExpectedBase.months(CONFIG, FX, facts, Map.of(YearMonth.of(2025, 2), 1L));
    }

    private static CustomerBase.BalanceLine line(String customer, String sub, String mrr, String currency, String plan,
                                                 String segment, String region) {
        return new CustomerBase.BalanceLine(customer, sub, Money.of(mrr, currency), 1, plan, segment, region);
    }

    private static SubscriptionCancelled end(String customer, String sub, String mrr, String currency, String at, Boolean voluntary) {
        return new SubscriptionCancelled(customer, sub, null, null, Money.of(mrr, currency), at(at), null, voluntary, null, null,
                null, null);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
