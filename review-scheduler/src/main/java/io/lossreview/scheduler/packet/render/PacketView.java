package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.Packet;

import java.util.List;
import java.util.Objects;

/**
 * The packet as the templates see it: every value already formatted, every piece of customer text already
 * cleaned of characters XML cannot carry. Templates only lay out; the engine escapes every string.
 */
record PacketView(String title, String monthTitle, String monthCode, int revision, int previousRevision,
                  String builtAt, int taxonomyVersion, String currency, List<String> changes,
                  SummaryView summary, String narrative, CausesView causes, LossesView losses,
                  CallsView calls, ActionsView actions, List<AssignmentRow> assignments) {

    static PacketView of(Packet packet) {
        Objects.requireNonNull(packet.month(), "packet month");
        Objects.requireNonNull(packet.summary(), "packet summary");
        Packet p = withoutNullLists(packet);
        CauseLegend legend = CauseLegend.of(p);
        String monthTitle = Formats.monthTitle(p.month());
        CallsView calls = CallsView.of(p, legend);
        ActionsView actions = ActionsView.of(p, legend);
        return new PacketView(
                "Customer loss review \u2014 " + monthTitle,
                monthTitle,
                p.month().toString(),
                p.revision(),
                p.revision() - 1,
                Formats.builtAt(p.builtAt()),
                p.taxonomyVersion(),
                Formats.text(p.reportingCurrency()),
                p.changes().stream().map(Formats::text).filter(c -> !c.isEmpty()).toList(),
                SummaryView.of(p.summary(), p.month(), p.reportingCurrency()),
                String.join(" ", Narrative.of(p, legend)),
                CausesView.of(p, legend),
                LossesView.of(p, legend),
                calls,
                actions,
                p.assignments().stream().map(a -> AssignmentRow.of(a, legend, p.reportingCurrency())).toList());
    }

    /** Lists are meant to be empty rather than null; a null one still renders as an empty section. */
    private static Packet withoutNullLists(Packet p) {
        return new Packet(p.month(), p.revision(), p.builtAt(), p.taxonomyVersion(), p.reportingCurrency(),
                p.summary(), orEmpty(p.causes()), orEmpty(p.emerging()), p.trend(), orEmpty(p.bySegment()),
                orEmpty(p.byRegion()), orEmpty(p.notableLosses()), orEmpty(p.stories()), p.lastMonthCalls(),
                orEmpty(p.actions()), orEmpty(p.assignments()), orEmpty(p.changes()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
