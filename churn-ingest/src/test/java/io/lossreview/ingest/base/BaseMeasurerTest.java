package io.lossreview.ingest.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.contracts.Money;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.ingest.ledger.LedgerEntry;
import io.lossreview.ingest.ledger.LedgerEntry.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every formula of the month base, pinned by a small ledger computed by hand. */
class BaseMeasurerTest {

    private static final String BALANCE_DAY = "2025-01-01T00:00:00Z";
    private static final BaseMeasurer.Settings USD = new BaseMeasurer.Settings(ZoneOffset.UTC, "USD",
            (currency, day) -> currency.equals("EUR") && day.equals(LocalDate.of(2025, 2, 1)) ? new BigDecimal("1.10") : null);

    /**
     * Opening balance on 1 January: A (100, SMB, EMEA, Team), B (200 Pro + 50 Team, MID_MARKET), C (300 EUR), D (80).
     * E starts on 15 January (40). In February: A ends (voluntary); B drops its Team subscription and raises Pro to
     * 260; C lapses on a failed payment; E ends and starts again (45); F starts (70) and ends; G, unknown, ends.
     */
    private static List<LedgerEntry> ledger() {
        List<LedgerEntry> f = new ArrayList<>();
        f.add(fact("A", "a1", BALANCE_DAY, Kind.BALANCE, "100", "USD", "Team", "SMB", "EMEA", null));
        f.add(fact("B", "b1", BALANCE_DAY, Kind.BALANCE, "200", "USD", "Pro", "MID_MARKET", null, null));
        f.add(fact("B", "b2", BALANCE_DAY, Kind.BALANCE, "50", "USD", "Team", null, null, null));
        f.add(fact("C", "c1", BALANCE_DAY, Kind.BALANCE, "300", "EUR", null, null, null, null));
        f.add(fact("D", "d1", BALANCE_DAY, Kind.BALANCE, "80", "USD", null, null, null, null));
        f.add(fact("E", "e1", "2025-01-15T09:00:00Z", Kind.START, "40", "USD", null, null, null, null));
        f.add(fact("A", "a1", "2025-02-10T00:00:00Z", Kind.END, "100", "USD", null, null, null, true));
        f.add(fact("B", "b2", "2025-02-05T00:00:00Z", Kind.END, "50", "USD", null, null, null, true));
        f.add(fact("B", "b1", "2025-02-20T00:00:00Z", Kind.CHANGE, "260", "USD", null, null, null, null));
        f.add(fact("C", "c1", "2025-02-12T00:00:00Z", Kind.END, "300", "EUR", null, null, null, false));
        f.add(fact("E", "e1", "2025-02-03T00:00:00Z", Kind.END, "40", "USD", null, null, null, null));
        f.add(fact("E", "e2", "2025-02-25T00:00:00Z", Kind.START, "45", "USD", null, null, null, null));
        f.add(fact("F", "f1", "2025-02-08T00:00:00Z", Kind.START, "70", "USD", null, null, null, null));
        f.add(fact("F", "f1", "2025-02-18T00:00:00Z", Kind.END, "70", "USD", null, null, null, true));
        f.add(fact("G", "g1", "2025-02-18T00:00:00Z", Kind.END, "999", "USD", null, null, null, true));
        return f;
    }

    @Test
    void aMonthOfEveryMovement() {
        MonthBase feb = measure(YearMonth.of(2025, 2), Map.of(YearMonth.of(2025, 2), 1)).get(0);
        assertTrue(feb.known());
        assertEquals(LocalDate.of(2025, 1, 1), feb.balanceAsOf());
        assertEquals(new MonthBase.Customers(5, 1, 1, 4, 3, 2, 3), feb.customers());
        MonthBase.Mrr m = feb.mrr();
        assertFalse(m.valuePending());
        assertEquals(List.of("800.00", "70.00", "60.00", "50.00", "540.00", "45.00", "385.00"),
                List.of(m.atStart(), m.added(), m.expansion(), m.contraction(), m.churned(), m.reactivation(), m.atEnd())
                        .stream().map(BigDecimal::toPlainString).toList());
        // at end = at start + new + expansion - contraction - churned + reactivation
        assertEquals(0, m.atStart().add(m.added()).add(m.expansion()).subtract(m.contraction()).subtract(m.churned())
                .add(m.reactivation()).compareTo(m.atEnd()));
        assertEquals(new BigDecimal("0.600000"), feb.customerChurnRate()); // A, C, E of the 5 at the start (F joined in February)
        assertEquals(new BigDecimal("0.400000"), feb.voluntaryChurnRate());
        assertEquals(new BigDecimal("0.200000"), feb.involuntaryChurnRate());
        assertEquals(new BigDecimal("0.737500"), feb.grossMrrChurnRate()); // (540 + 50) / 800
        assertEquals(new BigDecimal("0.606250"), feb.netMrrChurnRate()); // (540 + 50 - 60 - 45) / 800
        assertEquals(new BigDecimal("0.400000"), feb.shareOfBase(2)); // e.g. a cause with 2 of the losses
        assertEquals(1, feb.unknownBaseLosses());
        assertEquals(List.of(new MonthBase.Bucket("MID_MARKET", 1), new MonthBase.Bucket("SMB", 1), new MonthBase.Bucket("unknown", 3)),
                feb.segments());
        assertEquals(List.of(new MonthBase.Bucket("Pro", 1), new MonthBase.Bucket("Team", 1), new MonthBase.Bucket("unknown", 3)),
                feb.plans());
    }

    @Test
    void theBalanceDayStartsTheBaseAndANewCustomerIsNotChurn() {
        MonthBase jan = measure(YearMonth.of(2025, 1), Map.of()).get(0);
        assertTrue(jan.known());
        assertEquals(new MonthBase.Customers(4, 1, 0, 0, 0, 0, 5), jan.customers());
        assertEquals(new BigDecimal("0.000000"), jan.customerChurnRate());
    }

    @Test
    void aMonthBeforeAnyOpeningBalanceHasNoRate() {
        MonthBase dec = measure(YearMonth.of(2024, 12), Map.of()).get(0);
        assertFalse(dec.known());
        assertNull(dec.balanceAsOf());
        assertNull(dec.customerChurnRate());
        assertNull(dec.grossMrrChurnRate());
        assertNull(dec.shareOfBase(3));
    }

    @Test
    void withoutTheMonthsFxRateTheAmountsWaitAndTheCountsDoNot() {
        MonthBase jan = measure(YearMonth.of(2025, 1), Map.of()).get(0); // no EUR rate on 1 January
        assertTrue(jan.mrr().valuePending());
        assertNull(jan.mrr().atStart());
        assertNull(jan.grossMrrChurnRate());
        assertEquals(4, jan.customers().atStart());
    }

    @Test
    void anEndOnTheStrokeOfMidnightIsLostInTheMonthItEndsIn() {
        List<LedgerEntry> f = List.of(
                fact("H", "h1", BALANCE_DAY, Kind.BALANCE, "10", "USD", null, null, null, null),
                fact("H", "h1", "2025-02-01T00:00:00Z", Kind.END, "10", "USD", null, null, null, true));
        List<MonthBase> both = BaseMeasurer.measure(f, List.of(YearMonth.of(2025, 1), YearMonth.of(2025, 2)), USD, Map.of(),
                Instant.parse("2025-03-05T00:00:00Z"));
        assertEquals(new MonthBase.Customers(1, 0, 0, 0, 0, 0, 1), both.get(0).customers());
        assertEquals(new MonthBase.Customers(1, 0, 0, 1, 1, 1, 0), both.get(1).customers()); // January's end is February's start
        assertEquals(new BigDecimal("10.00"), both.get(1).mrr().churned());
    }

    private static List<MonthBase> measure(YearMonth month, Map<YearMonth, Integer> unknown) {
        return BaseMeasurer.measure(ledger(), List.of(month), USD, unknown, Instant.parse("2025-03-05T00:00:00Z"));
    }

    private static LedgerEntry fact(String customer, String subscription, String at, Kind kind, String mrr, String currency,
                                    String plan, String segment, String region, Boolean voluntary) {
        return new LedgerEntry(customer, subscription, Instant.parse(at), kind, Money.of(mrr, currency), 1, plan, segment,
                region, voluntary, "/test", subscription + kind + at, null);
    }
}
