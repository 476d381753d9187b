package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.CallReview;
import io.lossreview.scheduler.packet.model.Packet;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Section 7: last month's executive calls. {@code emptyMessage} is set (and the rest empty) when no
 * calls were assigned, e.g. in the first month.
 */
record CallsView(String monthTitle, String emptyMessage, List<Figure> figures, List<LearningRow> learnings,
                 List<WinBackRow> winBacks, String totalRecovered, String headline) {

    /** {@code learnedCause} is null when the call taught nothing new about the cause. */
    record LearningRow(String executive, String accountName, String outcome, String classifiedCause,
                       String learnedCause, String notes) {
    }

    record WinBackRow(String executive, String accounts, String arrRecovered) {
    }

    static CallsView of(Packet p, CauseLegend legend) {
        CallReview calls = p.lastMonthCalls();
        YearMonth month = calls != null && calls.month() != null ? calls.month() : p.month().minusMonths(1);
        String title = Formats.monthTitle(month);
        if (calls == null || calls.assigned() == 0) {
            return new CallsView(title, "No executive calls were assigned for " + month + ".",
                    List.of(), List.of(), List.of(), null, null);
        }
        List<Figure> figures = List.of(
                Figure.of("Assigned", calls.assigned(), "neutral"),
                Figure.of("Reached", calls.reached(), "good"),
                Figure.of("Not reached", calls.notReached(), calls.notReached() > 0 ? "bad" : "neutral"),
                Figure.of("Declined", calls.declined(), "neutral"),
                Figure.of("Still open", calls.open(), calls.open() > 0 ? "bad" : "neutral"),
                Figure.of("Causes corrected", calls.causesCorrected(), "neutral"));
        List<LearningRow> learnings = calls.learnings() == null ? List.of() : calls.learnings().stream()
                .map(l -> new LearningRow(Formats.text(l.executive()), Formats.text(l.accountName()),
                        Formats.humanize(Formats.text(l.outcome())), legend.label(l.classifiedCause()),
                        l.learnedCause() == null ? null : legend.label(l.learnedCause()),
                        Formats.text(l.notes())))
                .toList();
        List<CallReview.WinBackCredit> credits = calls.winBacks() == null ? List.of() : calls.winBacks();
        BigDecimal total = credits.stream().map(w -> orZero(w.arrRecovered())).reduce(BigDecimal.ZERO, BigDecimal::add);
        String recovered = Formats.money(total, p.reportingCurrency());
        String headline = "Last month's executive calls: " + calls.reached() + " of " + calls.assigned() + " reached"
                + (credits.isEmpty() ? ", no win-backs credited yet."
                : ", " + credits.size() + (credits.size() == 1 ? " win-back" : " win-backs") + " recovering "
                + recovered + " ARR.");
        return new CallsView(title, null, figures, learnings, perExecutive(credits, p.reportingCurrency()), recovered,
                headline);
    }

    /** One line per executive, most ARR recovered first. */
    private static List<WinBackRow> perExecutive(List<CallReview.WinBackCredit> credits, String currency) {
        record Credited(String executive, List<String> accounts, BigDecimal arr) {
        }
        Map<String, List<CallReview.WinBackCredit>> byExecutive = credits.stream().collect(
                Collectors.groupingBy(w -> Formats.text(w.executive()), LinkedHashMap::new, Collectors.toList()));
        return byExecutive.entrySet().stream()
                .map(e -> new Credited(e.getKey(),
                        e.getValue().stream().map(w -> Formats.text(w.accountName())).toList(),
                        e.getValue().stream().map(w -> orZero(w.arrRecovered()))
                                .reduce(BigDecimal.ZERO, BigDecimal::add)))
                .sorted(Comparator.comparing(Credited::arr).reversed().thenComparing(Credited::executive))
                .map(c -> new WinBackRow(c.executive(), String.join(", ", c.accounts()),
                        Formats.money(c.arr(), currency)))
                .toList();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
