package io.lossreview.scheduler.packet.render;

import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.contracts.base.MonthBaseView;
import io.lossreview.scheduler.packet.model.ActionLine;
import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.CallReview;
import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.EmergingLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Story;
import io.lossreview.scheduler.packet.model.Summary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The month in three to six sentences, the first thing on page 1: leaders remember a sentence and a customer's
 * words, not a grid. Every number comes from the frozen packet the tables below are drawn from.
 */
final class Narrative {

    /** A quote longer than this is cut at a word and marked as cut. */
    static final int QUOTE_CHARS = 160;

    private Narrative() {
    }

    static List<String> of(Packet p, CauseLegend legend) {
        List<String> sentences = new ArrayList<>();
        sentences.add(volume(p));
        if (!p.causes().isEmpty()) {
            sentences.add(topCause(p, p.causes().get(0), legend));
        }
        if (!p.emerging().isEmpty()) {
            sentences.add("Emerging or growing: " + p.emerging().stream()
                    .map(e -> legend.label(e.cause()) + " (" + Formats.count(e.count()) + ")")
                    .collect(joining()) + ".");
        }
        String lastMonth = calls(p.lastMonthCalls(), p.reportingCurrency());
        if (lastMonth != null) {
            sentences.add(lastMonth);
        }
        String actions = actions(p.actions());
        if (actions != null) {
            sentences.add(actions);
        }
        List<AssignmentLine> calls = p.assignments().stream().filter(AssignmentLine::live).toList();
        if (!calls.isEmpty()) {
            long executives = calls.stream().map(AssignmentLine::executive).distinct().count();
            long done = calls.stream().filter(a -> AssignmentLine.COMPLETED.equals(a.status())).count();
            sentences.add("This month " + executives + (executives == 1 ? " executive calls " : " executives call ")
                    + plural(calls.size(), "departing customer") + (done == 0 ? "" : "; " + done + " of the calls "
                    + (done == 1 ? "is" : "are") + " done") + ".");
        }
        return sentences;
    }

    private static String volume(Packet p) {
        Summary s = p.summary();
        String month = Formats.monthTitle(p.month());
        if (s.customers() == 0) {
            return "No customer was lost in " + month + ".";
        }
        MonthBaseView view = s.base();
        MonthBase base = view == null ? null : view.base();
        String rate = base != null && base.known() && view.rates().customerChurn() != null
                ? " (" + Formats.rate(view.rates().customerChurn()) + " of the " + Formats.count(base.customers().atStart())
                + " at the start of the month)" : "";
        String sentence = "In " + month + " we lost " + plural(s.customers(), "customer") + rate + " and "
                + Formats.money(s.arrLost(), p.reportingCurrency()) + " of ARR";
        Change prior = s.vsPriorMonth();
        if (prior == null || prior.customers() == null) {
            return sentence + ".";
        }
        String previous = Formats.monthTitle(p.month().minusMonths(1)).split(" ")[0];
        int customers = prior.customers().intValue();
        String change = customers == 0 ? "as many customers as in " + previous
                : Math.abs(customers) + (customers > 0 ? " more" : " fewer") + (Math.abs(customers) == 1 ? " customer" : " customers")
                + " than in " + previous;
        BigDecimal percent = prior.arrLostPercent();
        String arr = percent == null || percent.signum() == 0 ? ""
                : ", with " + Formats.share(percent.abs().movePointLeft(2)) + (percent.signum() > 0 ? " more" : " less") + " ARR";
        return sentence + ": " + change + arr + ".";
    }

    private static String topCause(Packet p, CauseLine top, CauseLegend legend) {
        String sentence = legend.label(top.cause()) + " cost the most: " + Formats.money(top.arrLost(), p.reportingCurrency())
                + " of ARR from " + plural(top.customers(), "customer") + " (" + Formats.share(top.shareOfValue())
                + " of the ARR lost)";
        Story story = p.stories().stream().filter(s -> top.cause().equals(s.cause()) && s.quote() != null && !s.quote().isBlank())
                .findFirst().orElse(null);
        if (story == null) {
            return sentence + ".";
        }
        return sentence + ". In the words of " + Formats.text(story.accountName()) + ": \u201C" + quote(story.quote()) + "\u201D";
    }

    private static String calls(CallReview calls, String currency) {
        if (calls == null || calls.assigned() == 0) {
            return null;
        }
        String sentence = "Of last month's " + plural(calls.assigned(), "executive call") + ", " + calls.reached()
                + " reached the customer" + (calls.causesCorrected() == 0 ? "" : ", and " + calls.causesCorrected()
                + " corrected the cause we had");
        BigDecimal recovered = calls.winBacks().stream().map(CallReview.WinBackCredit::arrRecovered)
                .filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sentence + (calls.winBacks().isEmpty() ? "." : "; " + plural(calls.winBacks().size(), "customer")
                + " came back (" + Formats.money(recovered, currency) + " of ARR).");
    }

    private static String actions(List<ActionLine> actions) {
        if (actions.isEmpty()) {
            return null;
        }
        List<ActionLine> overdue = actions.stream().filter(ActionLine::overdue).toList();
        if (overdue.isEmpty()) {
            return "No action item is overdue.";
        }
        return (overdue.size() == 1 ? "1 action item is overdue: " : overdue.size() + " action items are overdue: ")
                + overdue.stream().limit(3).map(a -> "\u201C" + Formats.text(a.title()) + "\u201D, owned by " + Formats.text(a.owner()))
                .collect(joining()) + (overdue.size() > 3 ? " and " + (overdue.size() - 3) + " more" : "") + ".";
    }

    /** Cut at the last word boundary before the limit, marked with an ellipsis. */
    static String quote(String text) {
        return Formats.excerpt(text, QUOTE_CHARS);
    }

    private static String plural(int n, String noun) {
        return Formats.count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** "a", "a and b", "a, b and c". */
    private static java.util.stream.Collector<CharSequence, ?, String> joining() {
        return Collectors.collectingAndThen(Collectors.toList(), items -> {
            if (items.size() <= 1) {
                return items.isEmpty() ? "" : items.get(0).toString();
            }
            return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
        });
    }
}
