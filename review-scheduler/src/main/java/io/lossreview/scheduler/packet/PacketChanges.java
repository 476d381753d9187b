package io.lossreview.scheduler.packet;

import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.contracts.base.MonthBaseView;
import io.lossreview.scheduler.packet.model.ActionLine;
import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Summary;
import io.lossreview.scheduler.packet.render.CauseLegend;
import io.lossreview.scheduler.packet.render.Formats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * "What changed since revision N", as a reader of the packet would say it: the headline figures (and how they
 * compare with the prior month), each cause's ARR lost and customers, the calls' outcomes by name
 * ({@link CallChanges}), the action items, and which sections changed. Labels, never cause codes; money with
 * its currency. The most important first: page 1 shows only the first few.
 */
final class PacketChanges {

    static final String ARROW = " \u2192 ";

    private PacketChanges() {
    }

    static List<String> between(Packet before, Packet after) {
        CauseLegend legend = CauseLegend.of(after, before);
        String currency = after.reportingCurrency();
        List<String> changes = new ArrayList<>();
        headline(changes, before, after, currency);
        causes(changes, orEmpty(before.causes()), orEmpty(after.causes()), legend, currency);
        changes.addAll(CallChanges.thisMonth(orEmpty(before.assignments()), orEmpty(after.assignments()), legend));
        changes.addAll(CallChanges.lastMonth(before.lastMonthCalls(), after.lastMonthCalls(), legend, currency));
        actions(changes, orEmpty(before.actions()), orEmpty(after.actions()), legend);
        if (before.taxonomyVersion() != after.taxonomyVersion()) {
            changes.add("Cause taxonomy: version " + before.taxonomyVersion() + ARROW + after.taxonomyVersion());
        }
        List<String> sections = sections(before, after);
        if (!sections.isEmpty()) {
            changes.add("Sections that changed: " + String.join(", ", sections) + ".");
        }
        if (changes.isEmpty()) {
            changes.add("Nothing a reader sees changed.");
        }
        return changes;
    }

    private static void headline(List<String> changes, Packet before, Packet after, String currency) {
        Summary a = before.summary();
        Summary b = after.summary();
        String prior = "vs " + Formats.monthMedium(after.month().minusMonths(1));
        withComparison(changes, count("Customers lost", a.customers(), b.customers()), "Customers lost", prior,
                comparison(a.vsPriorMonth(), Change::customers, Formats::signedCount),
                comparison(b.vsPriorMonth(), Change::customers, Formats::signedCount));
        withComparison(changes, money("ARR lost", a.arrLost(), b.arrLost(), currency), "ARR lost", prior,
                comparison(a.vsPriorMonth(), Change::arrLost, d -> Formats.signedCompactMoney(d, currency)),
                comparison(b.vsPriorMonth(), Change::arrLost, d -> Formats.signedCompactMoney(d, currency)));
        add(changes, money("MRR lost", a.mrrLost(), b.mrrLost(), currency));
        BigDecimal rateBefore = customerChurn(a.base());
        BigDecimal rateAfter = customerChurn(b.base());
        if ((rateBefore != null || rateAfter != null) && !same(rateBefore, rateAfter)) {
            changes.add("Customer churn rate: " + Formats.rate(rateBefore) + ARROW + Formats.rate(rateAfter));
        }
        add(changes, count("Seats lost", a.seats(), b.seats()));
        add(changes, count("Customers won back", a.wonBack(), b.wonBack()));
        add(changes, count("Losses without a value yet", a.unvalued(), b.unvalued()));
    }

    /**
     * The figure's change with its prior-month comparison; the comparison alone when only it moved (the prior
     * month's figures changed): "Customers lost vs Oct 2026: +4 → −300".
     */
    private static void withComparison(List<String> changes, String figure, String what, String prior, String was,
                                       String now) {
        boolean compared = !Objects.equals(was, now);
        if (figure != null) {
            changes.add(figure + (compared ? "; " + prior + ": " + was + ARROW + now : ""));
        } else if (compared) {
            changes.add(what + " " + prior + ": " + was + ARROW + now);
        }
    }

    private static String comparison(Change c, Function<Change, BigDecimal> part, Function<BigDecimal, String> format) {
        return c == null || part.apply(c) == null ? "n/a" : format.apply(part.apply(c));
    }

    private static BigDecimal customerChurn(MonthBaseView view) {
        return view == null || view.base() == null || !view.base().known() || view.rates() == null ? null
                : view.rates().customerChurn();
    }

    /** "Customers lost: 412 → 416 (+4)"; null when equal. */
    static String count(String what, int from, int to) {
        return from == to ? null : what + ": " + countChange(from, to);
    }

    /** "ARR lost: $4,812,300 → $5,551,300 (+$739K)"; null when equal in value. */
    static String money(String what, BigDecimal from, BigDecimal to, String currency) {
        return same(from, to) ? null : what + ": " + moneyChange(from, to, currency);
    }

    private static String countChange(int from, int to) {
        return Formats.count(from) + ARROW + Formats.count(to) + " ("
                + Formats.signedCount(BigDecimal.valueOf((long) to - from)) + ")";
    }

    private static String moneyChange(BigDecimal from, BigDecimal to, String currency) {
        return Formats.money(from, currency) + ARROW + Formats.money(to, currency)
                + (from == null || to == null ? "" : " (" + Formats.signedCompactMoney(to.subtract(from), currency) + ")");
    }

    /** Per cause, whenever its ARR or its customers changed (a cause can lose ARR with as many customers). */
    private static void causes(List<String> changes, List<CauseLine> before, List<CauseLine> after, CauseLegend legend,
                               String currency) {
        Map<String, CauseLine> was = byCause(before);
        Map<String, CauseLine> now = byCause(after);
        List<String> moved = new ArrayList<>();
        for (CauseLine c : after) {
            CauseLine old = was.get(c.cause());
            String label = legend.label(c.cause());
            if (old == null) {
                changes.add(label + ": now among the causes, " + Formats.money(c.arrLost(), currency) + " of ARR lost from "
                        + customers(c.customers()));
                continue;
            }
            if (!same(old.arrLost(), c.arrLost()) || old.customers() != c.customers()) {
                String arr = "ARR lost " + (same(old.arrLost(), c.arrLost()) ? Formats.money(c.arrLost(), currency) + ", unchanged"
                        : moneyChange(old.arrLost(), c.arrLost(), currency));
                String count = "customers " + (old.customers() == c.customers() ? Formats.count(c.customers()) + ", unchanged"
                        : countChange(old.customers(), c.customers()));
                changes.add(label + ": " + arr + "; " + count);
            }
            if (old.rank() != c.rank()) {
                moved.add(label + " #" + c.rank() + " (was #" + old.rank() + ")");
            }
        }
        for (CauseLine old : before) {
            if (!now.containsKey(old.cause())) {
                changes.add(legend.label(old.cause()) + ": no longer among the causes (was "
                        + Formats.money(old.arrLost(), currency) + " from " + customers(old.customers()) + ")");
            }
        }
        if (!moved.isEmpty()) {
            changes.add("Ranking by ARR lost: " + String.join(", ", moved));
        }
    }

    /** Opened, moved on (status), closed, overdue now, or gone; an action is known by its title and cause. */
    private static void actions(List<String> changes, List<ActionLine> before, List<ActionLine> after, CauseLegend legend) {
        Map<String, ActionLine> was = new LinkedHashMap<>();
        before.forEach(a -> was.putIfAbsent(key(a), a));
        Map<String, ActionLine> now = new LinkedHashMap<>();
        after.forEach(a -> now.putIfAbsent(key(a), a));
        for (ActionLine a : now.values()) {
            ActionLine old = was.get(key(a));
            String name = "\u201C" + Formats.text(a.title()) + "\u201D (" + legend.label(a.cause()) + ")";
            if (old == null) {
                changes.add("Action opened: " + name + ", owner " + Formats.text(a.owner()) + ", due "
                        + Formats.date(a.dueDate()) + ".");
            } else if (!Objects.equals(old.status(), a.status())) {
                changes.add("DONE".equals(a.status()) ? "Action closed: " + name + "."
                        : "Action " + name + ": " + Formats.humanize(old.status()) + ARROW + Formats.humanize(a.status()) + ".");
            } else if (a.overdue() && !old.overdue()) {
                changes.add("Action " + name + " is now overdue (due " + Formats.date(a.dueDate()) + ").");
            }
        }
        for (ActionLine old : was.values()) {
            if (!now.containsKey(key(old))) {
                changes.add("Action \u201C" + Formats.text(old.title()) + "\u201D (" + legend.label(old.cause())
                        + ") is no longer listed.");
            }
        }
    }

    /** The packet's sections whose content differs, by their headings. */
    private static List<String> sections(Packet a, Packet b) {
        List<String> changed = new ArrayList<>();
        section(changed, "At a glance", a.summary(), b.summary());
        section(changed, "Why customers left", List.of(orEmpty(a.causes()), orEmpty(a.emerging())),
                List.of(orEmpty(b.causes()), orEmpty(b.emerging())));
        section(changed, "Trend of the top causes", a.trend(), b.trend());
        section(changed, "By segment and region", List.of(orEmpty(a.bySegment()), orEmpty(a.byRegion())),
                List.of(orEmpty(b.bySegment()), orEmpty(b.byRegion())));
        section(changed, "Notable losses", orEmpty(a.notableLosses()), orEmpty(b.notableLosses()));
        section(changed, "In their own words", orEmpty(a.stories()), orEmpty(b.stories()));
        section(changed, "Last month's executive calls", a.lastMonthCalls(), b.lastMonthCalls());
        section(changed, "Action items", orEmpty(a.actions()), orEmpty(b.actions()));
        section(changed, "Calls to make this month", orEmpty(a.assignments()), orEmpty(b.assignments()));
        return changed;
    }

    private static void section(List<String> changed, String heading, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(heading);
        }
    }

    private static Map<String, CauseLine> byCause(List<CauseLine> causes) {
        Map<String, CauseLine> by = new LinkedHashMap<>();
        causes.forEach(c -> by.putIfAbsent(c.cause(), c));
        return by;
    }

    private static String key(ActionLine a) {
        return a.title() + "\u0000" + a.cause();
    }

    static String customers(int n) {
        return Formats.count(n) + (n == 1 ? " customer" : " customers");
    }

    /** Amounts compared by value: 1.0 equals 1.00. */
    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static void add(List<String> changes, String line) {
        if (line != null) {
            changes.add(line);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
