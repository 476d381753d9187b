package io.lossreview.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the analyzer's month base ({@code GET /months/{m}/base}) with the simulator's: counts exactly, money to the
 * cent, rates to 0.01 percentage point, and the customers at the start by segment, region and plan.
 */
final class BaseCheck {

    /** 0.01 percentage point, as a fraction. */
    static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.0001");

    /** The month's outcome: a line for the table, and what differed (empty when nothing did). */
    record Outcome(String line, List<String> differences) {
        boolean matches() {
            return differences.isEmpty();
        }
    }

    private BaseCheck() {
    }

    static String header() {
        return String.format(Locale.ROOT, "%-8s %17s %13s %13s %31s %19s %19s", "month", "at start exp/got", "lost exp/got",
                "new exp/got", "MRR at start exp/got", "churn % exp/got", "gross MRR % exp/got");
    }

    static Outcome compare(String month, ExpectedFigures.BaseFigures e, JsonNode view) {
        List<String> diffs = new ArrayList<>();
        JsonNode b = view.path("base");
        JsonNode c = b.path("customers");
        JsonNode m = b.path("mrr");
        JsonNode r = view.path("rates");
        if (b.isMissingNode()) {
            diffs.add("no base measured");
        } else if (!b.path("known").asBoolean()) {
            diffs.add("base not known");
        }
        count(diffs, "customers at start", e.atStart(), c.path("atStart"));
        count(diffs, "new customers", e.added(), c.path("added"));
        count(diffs, "reactivated customers", e.reactivated(), c.path("reactivated"));
        count(diffs, "lost customers", e.lost(), c.path("lost"));
        count(diffs, "lost of those at start", e.lostFromStart(), c.path("lostFromStart"));
        count(diffs, "lost voluntarily", e.lostVoluntary(), c.path("lostVoluntary"));
        count(diffs, "customers at end", e.atEnd(), c.path("atEnd"));
        count(diffs, "losses of an unknown base", e.unknownBaseLosses(), b.path("unknownBaseLosses"));
        money(diffs, "MRR at start", e.mrrAtStart(), m.path("atStart"));
        money(diffs, "new MRR", e.mrrAdded(), m.path("added"));
        money(diffs, "expansion MRR", e.mrrExpansion(), m.path("expansion"));
        money(diffs, "contraction MRR", e.mrrContraction(), m.path("contraction"));
        money(diffs, "churned MRR", e.mrrChurned(), m.path("churned"));
        money(diffs, "reactivation MRR", e.mrrReactivation(), m.path("reactivation"));
        money(diffs, "MRR at end", e.mrrAtEnd(), m.path("atEnd"));
        rate(diffs, "customer churn rate", e.customerChurn(), r.path("customerChurn"));
        rate(diffs, "voluntary churn rate", e.voluntaryChurn(), r.path("voluntaryChurn"));
        rate(diffs, "involuntary churn rate", e.involuntaryChurn(), r.path("involuntaryChurn"));
        rate(diffs, "gross MRR churn rate", e.grossMrrChurn(), r.path("grossMrrChurn"));
        rate(diffs, "net MRR churn rate", e.netMrrChurn(), r.path("netMrrChurn"));
        buckets(diffs, "segments", e.segments(), b.path("segments"));
        buckets(diffs, "regions", e.regions(), b.path("regions"));
        buckets(diffs, "plans", e.plans(), b.path("plans"));
        String line = String.format(Locale.ROOT, "%-8s %8d/%-8s %6d/%-6s %6d/%-6s %15s/%-15s %9s/%-9s %9s/%-9s %s", month,
                e.atStart(), c.path("atStart").asText("-"), e.lost(), c.path("lost").asText("-"), e.added(),
                c.path("added").asText("-"), e.mrrAtStart().toPlainString(), m.path("atStart").asText("-"),
                percent(e.customerChurn()), percent(r.path("customerChurn")), percent(e.grossMrrChurn()),
                percent(r.path("grossMrrChurn")), diffs.isEmpty() ? "OK" : "MISMATCH: " + String.join("; ", diffs));
        return new Outcome(line, diffs);
    }

    private static void count(List<String> diffs, String what, long expected, JsonNode got) {
        if (!got.canConvertToLong() || got.asLong() != expected) {
            diffs.add(what + " " + expected + " vs " + got.asText("none"));
        }
    }

    private static void money(List<String> diffs, String what, BigDecimal expected, JsonNode got) {
        if (!got.isTextual() || expected.compareTo(new BigDecimal(got.asText())) != 0) {
            diffs.add(what + " " + expected.toPlainString() + " vs " + got.asText("none"));
        }
    }

    private static void rate(List<String> diffs, String what, BigDecimal expected, JsonNode got) {
        boolean same = expected == null ? got.isMissingNode() || got.isNull()
                : got.isTextual() && expected.subtract(new BigDecimal(got.asText())).abs().compareTo(RATE_TOLERANCE) <= 0;
        if (!same) {
            diffs.add(what + " " + (expected == null ? "none" : expected.toPlainString()) + " vs " + got.asText("none"));
        }
    }

    private static void buckets(List<String> diffs, String what, Map<String, Long> expected, JsonNode got) {
        Map<String, Long> reported = new TreeMap<>();
        got.forEach(b -> reported.put(b.path("value").asText(), b.path("customersAtStart").asLong()));
        if (!reported.equals(new TreeMap<>(expected))) {
            diffs.add(what + " " + expected + " vs " + reported);
        }
    }

    private static String percent(BigDecimal fraction) {
        return fraction == null ? "-" : fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    private static String percent(JsonNode fraction) {
        return fraction.isTextual() ? percent(new BigDecimal(fraction.asText())) : "-";
    }
}
