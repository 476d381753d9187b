package io.lossreview.simulator;

import io.lossreview.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A simulated customer base: consistent month to month, and around exactly the losses of the stream without one. */
class CustomerBaseTest {

    private static final SimulationConfig LOSSES_ONLY = SimulationConfig.defaults(42, YearMonth.of(2025, 1), 6, 200);
    private static final SimulationConfig WITH_BASE = LOSSES_ONLY.withBaseCustomers(8_000);
    private static final SimulatedStream STREAM = Simulation.generate(WITH_BASE);

    @Test
    void aBaseChangesNoLossAndAddsOnlyBaseRecords() {
        SimulatedStream without = Simulation.generate(LOSSES_ONLY);
        Set<String> values = STREAM.events().stream().map(SimEvent::value).collect(Collectors.toSet());
        assertTrue(values.containsAll(without.events().stream().map(SimEvent::value).toList()), "every record of the losses is kept");
        for (int i = 0; i < WITH_BASE.months(); i++) {
            ExpectedFigures.MonthFigures a = without.expected().months().get(i);
            ExpectedFigures.MonthFigures b = STREAM.expected().months().get(i);
            assertEquals(a.withBase(null), b.withBase(null), "the month's losses are the same with a base");
        }
        Set<String> added = STREAM.events().stream().filter(e -> !without.events().contains(e)).map(SimEvent::topic)
                .collect(Collectors.toSet());
        assertEquals(Set.of(Topics.BILLING_SUBSCRIPTION_STARTED, Topics.BILLING_SUBSCRIPTION_CHANGED,
                Topics.BILLING_SUBSCRIPTION_CANCELLED), added, "starts, changes and partial cancellations (and their noise)");
    }

    @Test
    void eachMonthStartsWhereTheLastEndedAndItsMoneyAddsUp() {
        List<ExpectedFigures.MonthFigures> months = STREAM.expected().months();
        assertEquals(8_000, months.get(0).base().atStart());
        for (int i = 0; i < months.size(); i++) {
            ExpectedFigures.BaseFigures b = months.get(i).base();
            assertEquals(0, b.mrrAtStart().add(b.mrrAdded()).add(b.mrrExpansion()).subtract(b.mrrContraction())
                    .subtract(b.mrrChurned()).add(b.mrrReactivation()).compareTo(b.mrrAtEnd()), months.get(i).month());
            assertTrue(b.mrrExpansion().signum() > 0 && b.mrrContraction().signum() > 0 && b.added() > 0, "every movement occurs");
            if (i > 0) {
                assertEquals(months.get(i - 1).base().atEnd(), b.atStart(), "customers at the start = at the end before");
            }
        }
        assertTrue(months.get(months.size() - 1).base().atEnd() > 8_000, "the base grows");
    }

    @Test
    void theBaseLosesExactlyTheLostBillingCustomersAndKnowsNoCrmOnlyOne() {
        for (ExpectedFigures.MonthFigures m : STREAM.expected().months()) {
            long billingLosses = m.customers() - m.unvalued() + m.wonBack(); // won-back customers were lost first
            assertEquals(billingLosses, m.base().lost(), m.month() + ": partial cancellations lose no customer");
            assertEquals(m.unvalued(), m.base().unknownBaseLosses(), m.month() + ": CRM-only losses have no known base");
            BigDecimal churn = m.base().customerChurn();
            assertTrue(churn.compareTo(new BigDecimal("0.01")) > 0 && churn.compareTo(new BigDecimal("0.05")) < 0, m.month() + " " + churn);
        }
    }

    @Test
    void theBalanceNamesEachSubscriptionOnceInTheColumnsTheEndpointTakes() {
        String[] lines = STREAM.balanceCsv().split("\n");
        assertEquals("customerId,subscriptionId,mrr,currency,seats,plan,segment,region", lines[0]);
        Set<String> subscriptions = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            assertEquals(8, cells.length, lines[i]);
            assertTrue(subscriptions.add(cells[0] + "/" + cells[1]), "once: " + lines[i]);
            assertTrue(new BigDecimal(cells[2]).signum() > 0, lines[i]);
        }
        assertEquals(STREAM.balance().size(), lines.length - 1);
    }
}
