package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.Packet;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line each for the later sections, on the summary page: an executive who reads only page 1 still
 * learns what is emerging, how last month's calls went, where the actions stand and who calls whom.
 */
final class Highlights {

    private Highlights() {
    }

    static List<String> of(Packet p, CauseLegend legend, CallsView calls, ActionsView actions) {
        List<String> lines = new ArrayList<>();
        if (!p.emerging().isEmpty()) {
            lines.add("Emerging or growing: " + p.emerging().stream()
                    .map(e -> legend.label(e.cause()) + " (" + Formats.count(e.count()) + ")")
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (calls.headline() != null) {
            lines.add(calls.headline());
        }
        if (actions.headline() != null) {
            lines.add(actions.headline());
        }
        int assigned = p.assignments().size();
        if (assigned > 0) {
            long executives = p.assignments().stream().map(AssignmentLine::executive).distinct().count();
            lines.add("This month: " + assigned + (assigned == 1 ? " executive call" : " executive calls")
                    + " assigned to " + executives + (executives == 1 ? " executive." : " executives."));
        }
        return lines;
    }
}
