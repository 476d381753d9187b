package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.Packet;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The packet as the templates see it: every value already formatted, every piece of customer text already
 * cleaned of characters XML cannot carry. Templates only lay out; the engine escapes every string.
 *
 * @param changesFirst what page 1 lists of {@code changes}, each on one line; the whole list closes the packet when
 *                     page 1 could not show all of it
 * @param changesMore  how many changes page 1 leaves to that closing list
 * @param changesAtEnd whether the whole list closes the packet
 */
record PacketView(String title, String monthTitle, String monthCode, int revision, int previousRevision,
                  String builtAt, int taxonomyVersion, String currency, List<String> changes,
                  List<String> changesFirst, int changesMore, boolean changesAtEnd,
                  SummaryView summary, String narrative, CausesView causes, LossesView losses,
                  CallsView calls, ActionsView actions, List<AssignmentRow> assignments) {

    /** Page 1 is laid out to fit (on letter paper too): two changes of a line each; the rest go to the end. */
    static final int CHANGES_ON_PAGE_ONE = 2;
    static final int CHANGE_CHARS = 88;

    static PacketView of(Packet packet, ZoneId zone) {
        Objects.requireNonNull(packet.month(), "packet month");
        Objects.requireNonNull(packet.summary(), "packet summary");
        Packet p = withoutNullLists(packet);
        CauseLegend legend = CauseLegend.of(p);
        String monthTitle = Formats.monthTitle(p.month());
        CallsView calls = CallsView.of(p, legend);
        ActionsView actions = ActionsView.of(p, legend);
        List<String> changes = p.changes().stream().map(Formats::text).filter(c -> !c.isEmpty()).toList();
        List<String> first = changes.stream().limit(CHANGES_ON_PAGE_ONE).map(c -> Formats.excerpt(c, CHANGE_CHARS)).toList();
        boolean cut = first.stream().anyMatch(c -> c.endsWith("\u2026"));
        List<String> narrative = p.narrative() != null ? p.narrative() : Narrative.of(p, legend);
        return new PacketView(
                "Customer loss review \u2014 " + monthTitle,
                monthTitle,
                p.month().toString(),
                p.revision(),
                p.revision() - 1,
                Formats.when(p.builtAt(), zone),
                p.taxonomyVersion(),
                Formats.text(p.reportingCurrency()),
                changes,
                first,
                changes.size() - first.size(),
                cut || changes.size() > first.size(),
                SummaryView.of(p.summary(), p.month(), p.reportingCurrency()),
                String.join(" ", narrative.stream().map(Formats::text).toList()),
                CausesView.of(p, legend),
                LossesView.of(p, legend),
                calls,
                actions,
                p.assignments().stream().map(a -> AssignmentRow.of(a, legend, p.reportingCurrency())).toList());
    }

    /** Lists are meant to be empty rather than null; a null one still renders as an empty section. */
    static Packet withoutNullLists(Packet p) {
        return new Packet(p.month(), p.revision(), p.builtAt(), p.taxonomyVersion(), p.reportingCurrency(),
                p.summary(), orEmpty(p.causes()), orEmpty(p.emerging()), p.trend(), orEmpty(p.bySegment()),
                orEmpty(p.byRegion()), orEmpty(p.notableLosses()), orEmpty(p.stories()), p.lastMonthCalls(),
                orEmpty(p.actions()), orEmpty(p.assignments()), orEmpty(p.changes()), p.narrative());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
