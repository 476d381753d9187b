package io.lossreview.scheduler.packet;

import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.CallReview;
import io.lossreview.scheduler.packet.render.CauseLegend;
import io.lossreview.scheduler.packet.render.Formats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The calls' part of "what changed": each outcome recorded since the previous revision, by name ("Ava Chen
 * reached Acme Corp (Enterprise): cause corrected from Other to Price."), calls moved to another executive,
 * and win-backs newly credited to last month's calls. A call is known by its executive and account.
 */
final class CallChanges {

    /** Notes longer than this are cut at a word: a change line, not the call report. */
    static final int NOTES_CHARS = 160;

    private CallChanges() {
    }

    /**
     * This month's calls (section 9). A revision built before calls' states were frozen with the packet says nothing
     * of when an outcome came in: none is claimed as new since it (the sections line still names the calls).
     */
    static List<String> thisMonth(List<AssignmentLine> before, List<AssignmentLine> after, CauseLegend legend) {
        List<String> changes = new ArrayList<>();
        if (before.stream().anyMatch(a -> a.status() == null)) {
            return changes;
        }
        Map<String, AssignmentLine> was = byKey(before, a -> key(a.executive(), a.accountName()));
        for (AssignmentLine a : after) {
            AssignmentLine old = was.get(key(a.executive(), a.accountName()));
            String oldStatus = old == null ? null : old.status();
            if (AssignmentLine.COMPLETED.equals(a.status()) && !AssignmentLine.COMPLETED.equals(oldStatus)) {
                changes.add(outcome(a.executive(), a.accountName(), a.segment(), a.outcome(), a.classifiedCause(),
                        a.learnedCause(), a.notes(), legend));
            } else if (AssignmentLine.REASSIGNED.equals(a.status()) && !AssignmentLine.REASSIGNED.equals(oldStatus)) {
                changes.add("The call to " + who(a.accountName(), a.segment()) + " moved from " + Formats.text(a.executive())
                        + (a.reassignedTo() == null ? " to another executive." : " to " + Formats.text(a.reassignedTo()) + "."));
            }
        }
        return changes;
    }

    /** Last month's calls (section 7): outcomes recorded and win-backs credited since the previous revision. */
    static List<String> lastMonth(CallReview before, CallReview after, CauseLegend legend, String currency) {
        List<String> changes = new ArrayList<>();
        if (after == null) {
            return changes;
        }
        Map<String, CallReview.CallLearning> learned = byKey(before == null ? List.of() : orEmpty(before.learnings()),
                l -> key(l.executive(), l.accountName()));
        for (CallReview.CallLearning l : orEmpty(after.learnings())) {
            if (!learned.containsKey(key(l.executive(), l.accountName()))) {
                changes.add(outcome(l.executive(), l.accountName(), l.segment(), l.outcome(), l.classifiedCause(),
                        l.learnedCause(), l.notes(), legend));
            }
        }
        Map<String, CallReview.WinBackCredit> credited = byKey(before == null ? List.of() : orEmpty(before.winBacks()),
                w -> key(w.executive(), w.accountName()));
        for (CallReview.WinBackCredit w : orEmpty(after.winBacks())) {
            if (!credited.containsKey(key(w.executive(), w.accountName()))) {
                changes.add(Formats.text(w.accountName()) + " came back: " + Formats.money(w.arrRecovered(), currency)
                        + " of ARR, credited to " + Formats.text(w.executive()) + "'s call.");
            }
        }
        return changes;
    }

    /** "Ava Chen reached Acme Corp (Enterprise): cause corrected from Other to Price. Learned: “…”" */
    static String outcome(String executive, String account, String segment, String outcome, String classified,
                          String learned, String notes, CauseLegend legend) {
        String caller = Formats.text(executive);
        String customer = who(account, segment);
        StringBuilder line = new StringBuilder(switch (outcome == null ? "" : outcome) {
            case "REACHED" -> caller + " reached " + customer;
            case "NOT_REACHED" -> caller + " could not reach " + customer;
            case "DECLINED" -> customer + " declined " + caller + "'s call";
            default -> caller + " called " + customer;
        });
        if (learned != null) {
            line.append(classified == null || classified.equals(learned) ? ": cause confirmed as " + legend.label(learned)
                    : ": cause corrected from " + legend.label(classified) + " to " + legend.label(learned));
        }
        line.append('.');
        String said = Formats.excerpt(notes, NOTES_CHARS);
        if (!said.isEmpty()) {
            line.append("REACHED".equals(outcome) ? " Learned: \u201C" : " Notes: \u201C").append(said).append('\u201D');
        }
        return line.toString();
    }

    /** "Acme Corp (Enterprise)"; the segment left out where unknown. */
    private static String who(String account, String segment) {
        String name = Formats.text(account);
        String seg = Formats.text(segment);
        return (name.isEmpty() ? "a customer" : name) + (seg.isEmpty() ? "" : " (" + Formats.bucket(seg) + ")");
    }

    private static String key(String executive, String account) {
        return executive + "\u0000" + account;
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> by = new LinkedHashMap<>();
        items.forEach(i -> by.putIfAbsent(key.apply(i), i));
        return by;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
