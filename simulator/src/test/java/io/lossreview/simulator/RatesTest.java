package io.lossreview.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mix of a ≈10k-record stream is what the brief promises, within sampling tolerance. */
class RatesTest {

    private static final int CUSTOMERS = 12 * 420;
    private static SimulatedStream stream;
    private static final Map<SimEvent.Kind, Integer> kinds = new HashMap<>();
    private static final Map<String, Integer> billingSubs = new HashMap<>();
    private static final Set<String> crmCustomers = new HashSet<>();
    private static final Map<String, Integer> segments = new HashMap<>();
    private static final Map<String, Integer> currencies = new HashMap<>();
    private static final Set<String> involuntary = new HashSet<>();
    private static int binary;
    private static int reactivations;
    private static int doNotContact;

    @BeforeAll
    static void generate() {
        stream = Simulation.generate(SimulationConfig.defaults(2024, YearMonth.of(2025, 1), 12, 420));
        for (SimEvent e : stream.events()) {
            kinds.merge(e.kind(), 1, Integer::sum);
            if (e.kind() != SimEvent.Kind.VALID) {
                continue;
            }
            binary += TestEvents.binary(e) ? 1 : 0;
            JsonNode d = TestEvents.data(e);
            String customer = d.get("customerId").asText();
            switch (e.topic()) {
                case Topics.BILLING_SUBSCRIPTION_CANCELLED -> {
                    if (billingSubs.merge(customer, 1, Integer::sum) == 1) {
                        currencies.merge(d.at("/mrr/currency").asText(), 1, Integer::sum);
                    }
                    if (!d.path("voluntary").asBoolean(true)) {
                        involuntary.add(customer);
                    }
                }
                case Topics.CRM_ACCOUNT_CHURNED -> {
                    crmCustomers.add(customer);
                    segments.merge(d.get("segment").asText(), 1, Integer::sum);
                    doNotContact += d.path("doNotContact").asBoolean(false) ? 1 : 0;
                }
                default -> reactivations++;
            }
        }
    }

    @Test
    void aboutTenThousandRecords() {
        assertTrue(stream.events().size() > 9_500 && stream.events().size() < 11_500, "" + stream.events().size());
        assertEquals(stream.events().size(), stream.expected().counts().published());
        assertEquals(kinds.get(SimEvent.Kind.VALID), (int) stream.expected().counts().valid());
        assertEquals(kinds.get(SimEvent.Kind.DUPLICATE), (int) stream.expected().counts().duplicates());
        assertEquals(kinds.get(SimEvent.Kind.MALFORMED), (int) stream.expected().counts().malformed());
        assertEquals(reactivations, (int) stream.expected().counts().reactivations());
    }

    @Test
    void duplicatesAndMalformedAreAboutOnePercent() {
        double valid = kinds.get(SimEvent.Kind.VALID);
        assertBetween("duplicates", kinds.get(SimEvent.Kind.DUPLICATE) / valid, 0.006, 0.014);
        assertBetween("malformed", kinds.get(SimEvent.Kind.MALFORMED) / valid, 0.006, 0.014);
        assertBetween("binary mode", binary / valid, 0.27, 0.33);
    }

    @Test
    void lossMixAndSubscriptionCounts() {
        long both = billingSubs.keySet().stream().filter(crmCustomers::contains).count();
        assertBetween("billing and CRM", both / (double) CUSTOMERS, 0.72, 0.78);
        assertBetween("billing only", (billingSubs.size() - both) / (double) CUSTOMERS, 0.13, 0.17);
        assertBetween("CRM only", (crmCustomers.size() - both) / (double) CUSTOMERS, 0.08, 0.12);
        List<Integer> counts = List.copyOf(billingSubs.values());
        assertBetween("one subscription", share(counts, 1), 0.77, 0.83);
        assertBetween("two subscriptions", share(counts, 2), 0.12, 0.18);
        assertBetween("three subscriptions", share(counts, 3), 0.03, 0.07);
        assertBetween("involuntary", involuntary.size() / (double) billingSubs.size(), 0.06, 0.10);
        assertBetween("reactivated", reactivations / (double) CUSTOMERS, 0.025, 0.05);
        assertBetween("do not contact", doNotContact / (double) crmCustomers.size(), 0.03, 0.07);
    }

    @Test
    void segmentsAndCurrencies() {
        double crm = crmCustomers.size();
        assertBetween("SMB", segments.get("SMB") / crm, 0.56, 0.64);
        assertBetween("MID_MARKET", segments.get("MID_MARKET") / crm, 0.26, 0.34);
        assertBetween("ENTERPRISE", segments.get("ENTERPRISE") / crm, 0.08, 0.12);
        double billing = billingSubs.size();
        assertBetween("USD", currencies.get("USD") / billing, 0.51, 0.59);
        assertBetween("EUR", currencies.get("EUR") / billing, 0.22, 0.28);
        assertBetween("GBP", currencies.get("GBP") / billing, 0.12, 0.18);
        assertBetween("CAD", currencies.get("CAD") / billing, 0.035, 0.065);
    }

    @Test
    void theCauseMixShiftsAndSupportEmergesInTheLastThreeMonths() {
        List<ExpectedFigures.MonthFigures> months = stream.expected().months();
        for (int i = 0; i < 12; i++) {
            double support = causeShare(months.get(i), "SUPPORT");
            if (i < 9) {
                assertBetween("SUPPORT in " + months.get(i).month(), support, 0.0, 0.10);
            } else {
                assertBetween("SUPPORT in " + months.get(i).month(), support, 0.13, 0.26);
            }
        }
        double priceEarly = (causeShare(months.get(0), "PRICE") + causeShare(months.get(1), "PRICE")) / 2;
        double priceLate = (causeShare(months.get(10), "PRICE") + causeShare(months.get(11), "PRICE")) / 2;
        double competitorEarly = (causeShare(months.get(0), "COMPETITOR") + causeShare(months.get(1), "COMPETITOR")) / 2;
        double competitorLate = (causeShare(months.get(10), "COMPETITOR") + causeShare(months.get(11), "COMPETITOR")) / 2;
        assertTrue(priceEarly > priceLate + 0.03, priceEarly + " -> " + priceLate);
        assertTrue(competitorLate > competitorEarly + 0.03, competitorEarly + " -> " + competitorLate);
    }

    private static double causeShare(ExpectedFigures.MonthFigures m, String cause) {
        return m.byCause().get(cause).customers() / (double) m.customers();
    }

    private static double share(List<Integer> values, int value) {
        return values.stream().filter(v -> v == value).count() / (double) values.size();
    }

    private static void assertBetween(String what, double value, double min, double max) {
        assertTrue(value >= min && value <= max, what + " = " + value + ", expected " + min + ".." + max);
    }
}
