package io.lossreview.simulator;

import io.lossreview.contracts.Contact;
import io.lossreview.contracts.Money;
import io.lossreview.contracts.Segment;
import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionReactivated;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pins the figure arithmetic with customers worked out by hand. */
class ExpectedArithmeticTest {

    private static final SimulationConfig CONFIG = SimulationConfig.defaults(1, YearMonth.of(2025, 2), 3, 0);
    private static final FxTable FX = FxTable.of("USD", List.of(
            rate("2025-02-28", "CAD", "0.741234"),
            rate("2025-03-01", "EUR", "1.080000"),
            rate("2025-03-10", "GBP", "1.000500"),
            rate("2025-03-14", "EUR", "1.083456"),
            rate("2025-03-16", "EUR", "1.090000"))); // after B's loss date: must not be used

    // A: one USD subscription.
    private static final Episode A = billing("cus_a", Cause.PRICE, null,
            sub("cus_a", "sub_a", 3, "123.45", "USD", "2025-03-02T10:00:00Z", "2025-03-31T23:59:59Z"));
    // B: two EUR subscriptions; loss = the later effectiveAt (03-15), rate of 03-14 (latest on or before it);
    // 99.99 × 1.083456 = 108.33476544 → 108.33; 0.05 × 1.083456 = 0.0541728 → 0.05; seats 1 (omitted) + 10.
    private static final Episode B = billing("cus_b", Cause.SUPPORT, null,
            sub("cus_b", "sub_b1", null, "99.99", "EUR", "2025-03-01T09:00:00Z", null),
            sub("cus_b", "sub_b2", 10, "0.05", "EUR", "2025-03-05T08:00:00Z", "2025-03-15T12:00:00Z"));
    // C: 10.00 GBP × 1.000500 = 10.005 → 10.01 (half-up, where half-even would give 10.00).
    private static final Episode C = billing("cus_c", Cause.PRICE, null,
            sub("cus_c", "sub_c", 2, "10.00", "GBP", "2025-03-20T10:00:00Z", null));
    // D: CRM only: a customer without value.
    private static final Episode D = new Episode(profile("cus_d"), Cause.COMPETITOR, List.of(),
            new AccountChurned("cus_d", "D Ltd", Segment.SMB, "EMEA", null, null, null, Instant.parse("2025-03-20T08:00:00Z"),
                    "Switched to Nimbly", null, "Nimbly", null, null, null), null, List.of(), LocalDate.of(2023, 1, 1));
    // E: reactivated exactly 90 days after its loss: won back, so only in wonBack.
    private static final Episode E = billing("cus_e", Cause.PRICE,
            new SubscriptionReactivated("cus_e", "sub_e", Instant.parse("2025-06-08T00:00:00Z"), null),
            sub("cus_e", "sub_e", 5, "500.00", "USD", "2025-03-01T00:00:00Z", "2025-03-10T00:00:00Z"));
    // F: reactivated one second too late for a win-back: still lost.
    private static final Episode F = billing("cus_f", Cause.OTHER,
            new SubscriptionReactivated("cus_f", "sub_f", Instant.parse("2025-06-08T00:00:01Z"), null),
            sub("cus_f", "sub_f", 4, "200.00", "USD", "2025-03-01T00:00:00Z", "2025-03-10T00:00:00Z"));
    // G: February, CAD: 1000.00 × 0.741234 = 741.234 → 741.23.
    private static final Episode G = billing("cus_g", Cause.INVOLUNTARY, null,
            sub("cus_g", "sub_g", 7, "1000.00", "CAD", "2025-02-20T00:00:00Z", "2025-02-28T23:00:00Z"));

    @Test
    void eachCustomerByHand() {
        assertLoss(A, "2025-03", 3, "123.45", false, false);
        assertLoss(B, "2025-03", 11, "108.38", false, false);
        assertLoss(C, "2025-03", 2, "10.01", false, false);
        assertLoss(D, "2025-03", 0, "0.00", true, false);
        assertLoss(E, "2025-03", 5, "500.00", false, true);
        assertLoss(F, "2025-03", 4, "200.00", false, false);
        assertLoss(G, "2025-02", 7, "741.23", false, false);
    }

    @Test
    void monthTotals() {
        List<ExpectedFigures.MonthFigures> months = ExpectedCalculator.months(
                Arrays.asList(A, B, C, D, E, F, G).stream().map(e -> ExpectedCalculator.loss(e, FX, CONFIG)).toList(), CONFIG);
        assertEquals(List.of("2025-02", "2025-03", "2025-04"), months.stream().map(ExpectedFigures.MonthFigures::month).toList());

        ExpectedFigures.MonthFigures march = months.get(1);
        assertEquals(5, march.customers()); // A, B, C, D, F
        assertEquals(20, march.seats());
        assertEquals(new BigDecimal("441.84"), march.mrr());
        assertEquals(new BigDecimal("5302.08"), march.arr());
        assertEquals(1, march.wonBack());
        assertEquals(1, march.unvalued());
        assertEquals(new ExpectedFigures.CauseFigures(2, 5, new BigDecimal("133.46")), march.byCause().get("PRICE"));
        assertEquals(new ExpectedFigures.CauseFigures(1, 11, new BigDecimal("108.38")), march.byCause().get("SUPPORT"));
        assertEquals(new ExpectedFigures.CauseFigures(1, 0, new BigDecimal("0.00")), march.byCause().get("COMPETITOR"));
        assertEquals(new ExpectedFigures.CauseFigures(1, 4, new BigDecimal("200.00")), march.byCause().get("OTHER"));
        assertEquals(new ExpectedFigures.CauseFigures(0, 0, new BigDecimal("0.00")), march.byCause().get("EASE_OF_USE"));
        assertEquals(Arrays.stream(Cause.values()).map(Enum::name).toList(), List.copyOf(march.byCause().keySet()));

        ExpectedFigures.MonthFigures february = months.get(0);
        assertEquals(1, february.customers());
        assertEquals(new BigDecimal("741.23"), february.mrr());
        assertEquals(new BigDecimal("8894.76"), february.arr());
        assertEquals(new ExpectedFigures.CauseFigures(1, 7, new BigDecimal("741.23")), february.byCause().get("INVOLUNTARY"));

        ExpectedFigures.MonthFigures april = months.get(2);
        assertEquals(0, april.customers());
        assertEquals("0.00", april.arr().toPlainString());
    }

    @Test
    void amountsAreWrittenAsTwoDecimalStrings() {
        ExpectedFigures figures = new ExpectedFigures(1, "USD", "UTC", ExpectedCalculator.months(
                List.of(ExpectedCalculator.loss(B, FX, CONFIG)), CONFIG), new ExpectedFigures.Counts(2, 2, 0, 0, 0, 0));
        String json = figures.toJson();
        assertTrue(json.contains("\"mrr\" : \"108.38\""), json);
        assertTrue(json.contains("\"arr\" : \"1300.56\""), json);
        assertTrue(json.contains("\"mrr\" : \"0.00\""), json);
        assertEquals(figures, ExpectedFigures.fromJson(json));
    }

    @Test
    void theLossMonthIsTheCalendarMonthInTheConfiguredZone() {
        SimulationConfig berlin = new SimulationConfig(1, YearMonth.of(2025, 3), 2, 0, "USD", ZoneId.of("Europe/Berlin"), 0.01, 0.01, 0.04, 0);
        Episode lateMarchUtc = billing("cus_h", Cause.PRICE, null,
                sub("cus_h", "sub_h", 1, "10.00", "USD", "2025-03-20T00:00:00Z", "2025-03-31T22:30:00Z"));
        assertEquals(YearMonth.of(2025, 4), ExpectedCalculator.loss(lateMarchUtc, FX, berlin).month()); // 00:30 CEST, April 1st
        assertEquals(YearMonth.of(2025, 3), ExpectedCalculator.loss(lateMarchUtc, FX, CONFIG).month());
    }

    @Test
    void aReactivationBeforeTheFirstCancellationIsNoWinBack() {
        Episode early = billing("cus_i", Cause.PRICE,
                new SubscriptionReactivated("cus_i", "sub_i", Instant.parse("2025-03-01T11:59:59Z"), null),
                sub("cus_i", "sub_i", 1, "10.00", "USD", "2025-03-01T12:00:00Z", "2025-03-05T00:00:00Z"));
        assertFalse(ExpectedCalculator.loss(early, FX, CONFIG).wonBack());
    }

    private static void assertLoss(Episode e, String month, long seats, String mrr, boolean unvalued, boolean wonBack) {
        ExpectedCalculator.Loss loss = ExpectedCalculator.loss(e, FX, CONFIG);
        assertEquals(YearMonth.parse(month), loss.month(), e.profile().customerId());
        assertEquals(seats, loss.seats(), e.profile().customerId());
        assertEquals(new BigDecimal(mrr), loss.mrr(), e.profile().customerId()); // scale included
        assertEquals(unvalued, loss.unvalued(), e.profile().customerId());
        assertEquals(wonBack, loss.wonBack(), e.profile().customerId());
    }

    /** The first subscription carries its cause's feedback code, so the records state the cause the figures count. */
    private static Episode billing(String customerId, Cause cause, SubscriptionReactivated reactivation, SubscriptionCancelled... subs) {
        SubscriptionCancelled s = subs[0];
        subs[0] = new SubscriptionCancelled(s.customerId(), s.subscriptionId(), s.plan(), s.seats(), s.mrr(), s.cancelledAt(),
                s.effectiveAt(), s.voluntary(), cause.billingCode, s.comment(), s.customerSince(), s.lifetimeValue());
        return new Episode(profile(customerId), cause, List.of(subs), null, reactivation, List.of(), LocalDate.of(2023, 1, 1));
    }

    private static SubscriptionCancelled sub(String customerId, String id, Integer seats, String amount, String currency,
                                             String cancelledAt, String effectiveAt) {
        return new SubscriptionCancelled(customerId, id, null, seats, Money.of(amount, currency), Instant.parse(cancelledAt),
                effectiveAt == null ? null : Instant.parse(effectiveAt), null, null, null, null, null);
    }

    private static Profile profile(String customerId) {
        return new Profile(customerId, Segment.SMB, "NA", "Retail", "USD", "Test Co", "Priya Raman",
                new Contact("A B", null, null, null), false, null, true, 12, "Nimbly");
    }

    private static FxRate rate(String date, String currency, String rate) {
        return new FxRate(LocalDate.parse(date), currency, new BigDecimal(rate));
    }
}
