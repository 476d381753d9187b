package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.AssignmentLine;

/**
 * Section 9: one call an executive is asked to make this month, pre-formatted, with where it stands.
 *
 * @param causeNote  how the cause shown came about when it is not the one the call was assigned under
 *                   ("corrected on the call, was Other"); null otherwise
 * @param status     "Assigned", "Completed", "Reassigned to Ben Ode"; null in revisions that did not record it
 * @param statusTone a CSS class: good once completed
 * @param outcome    "Reached", "Not reached", "Declined"; null while open
 * @param learned    what the executive wrote down, cut to a line or two; null when nothing
 */
record AssignmentRow(String executive, String accountName, String segment, String region, String arrLost,
                     String causeLabel, String color, String causeNote, String why, String due, String status,
                     String statusTone, String outcome, String learned) {

    /** Notes longer than this are cut at a word: the table row must stay readable. */
    static final int LEARNED_CHARS = 160;

    static AssignmentRow of(AssignmentLine a, CauseLegend legend, String currency) {
        String notes = Formats.excerpt(a.notes(), LEARNED_CHARS);
        return new AssignmentRow(Formats.text(a.executive()), Formats.text(a.accountName()),
                Formats.bucket(a.segment()), Formats.bucket(a.region()),
                Formats.money(a.arrLost(), currency), legend.label(a.cause()), legend.hex(a.cause()),
                causeNote(a, legend), Formats.text(a.why()), Formats.date(a.dueDate()), status(a),
                AssignmentLine.COMPLETED.equals(a.status()) ? "good" : "neutral",
                a.outcome() == null ? null : Formats.humanize(Formats.text(a.outcome())),
                notes.isEmpty() ? null : notes);
    }

    private static String causeNote(AssignmentLine a, CauseLegend legend) {
        String classified = a.classifiedCause();
        if (a.learnedCause() != null) {
            return a.learnedCause().equals(classified) || classified == null ? "confirmed on the call"
                    : "corrected on the call, was " + legend.label(classified);
        }
        return classified != null && !classified.equals(a.cause()) ? "re-caused since, was " + legend.label(classified)
                : null;
    }

    private static String status(AssignmentLine a) {
        if (a.status() == null) {
            return null;
        }
        if (AssignmentLine.REASSIGNED.equals(a.status())) {
            return a.reassignedTo() == null ? "Reassigned" : "Reassigned to " + Formats.text(a.reassignedTo());
        }
        return Formats.humanize(Formats.text(a.status()));
    }
}
