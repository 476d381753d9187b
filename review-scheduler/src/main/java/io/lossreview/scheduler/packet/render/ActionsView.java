package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.ActionLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.render.SummaryView.Delta;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Section 8: the action items, and how each targeted cause moved since the item was opened. */
/** {@code headline} is the one-line status for the summary page (null without action items). */
record ActionsView(List<Figure> figures, List<ActionRow> rows, String headline) {

    /** {@code statusTone} is a CSS class: overdue items are flagged whatever their status text says. */
    record ActionRow(String title, String causeLabel, String color, String owner, String due, String status,
                     String statusTone, String openedMonth, String customersThen, String customersNow,
                     Delta customersChange, String arrThen, String arrNow, Delta arrChange) {
    }

    private static final Set<String> OPEN = Set.of("OPEN", "IN_PROGRESS");

    static ActionsView of(Packet p, CauseLegend legend) {
        String currency = p.reportingCurrency();
        List<ActionLine> actions = p.actions();
        long open = actions.stream().filter(ActionsView::isOpen).count();
        long overdue = actions.stream().filter(a -> a.overdue() && !isDone(a)).count();
        long done = actions.stream().filter(ActionsView::isDone).count();
        List<Figure> figures = actions.isEmpty() ? List.of() : List.of(
                Figure.of("Open", (int) open, "neutral"),
                Figure.of("Overdue", (int) overdue, overdue > 0 ? "bad" : "neutral"),
                Figure.of("Done", (int) done, done > 0 ? "good" : "neutral"));
        List<ActionRow> rows = actions.stream().map(a -> row(a, legend, currency)).toList();
        String headline = actions.isEmpty() ? null
                : "Action items: " + open + " open, " + overdue + " overdue, " + done + " done.";
        return new ActionsView(figures, rows, headline);
    }

    private static ActionRow row(ActionLine a, CauseLegend legend, String currency) {
        BigDecimal customersDelta = BigDecimal.valueOf((long) a.causeCustomersNow() - a.causeCustomersWhenOpened());
        BigDecimal arrDelta = a.causeArrNow() == null || a.causeArrWhenOpened() == null ? null
                : a.causeArrNow().subtract(a.causeArrWhenOpened());
        return new ActionRow(Formats.text(a.title()), legend.label(a.cause()), legend.hex(a.cause()),
                Formats.text(a.owner()), Formats.date(a.dueDate()), statusText(a), tone(a),
                Formats.monthShort(a.openedMonth()),
                Formats.count(a.causeCustomersWhenOpened()), Formats.count(a.causeCustomersNow()),
                Delta.count(customersDelta),
                Formats.money(a.causeArrWhenOpened(), currency), Formats.money(a.causeArrNow(), currency),
                arrDelta == null ? new Delta(Formats.NONE, "flat") : Delta.money(arrDelta, currency));
    }

    private static boolean isOpen(ActionLine a) {
        return a.status() != null && OPEN.contains(a.status());
    }

    private static boolean isDone(ActionLine a) {
        return "DONE".equals(a.status());
    }

    private static String statusText(ActionLine a) {
        String status = Formats.humanize(Formats.text(a.status()));
        return a.overdue() && !isDone(a) ? status + " \u00B7 overdue" : status;
    }

    private static String tone(ActionLine a) {
        if (isDone(a)) {
            return "good";
        }
        return a.overdue() ? "bad" : "neutral";
    }
}
