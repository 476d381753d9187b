package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.AssignmentLine;

/** Section 9: one call an executive is asked to make this month, pre-formatted. */
record AssignmentRow(String executive, String accountName, String segment, String region, String arrLost,
                     String causeLabel, String color, String why, String due) {

    static AssignmentRow of(AssignmentLine a, CauseLegend legend, String currency) {
        return new AssignmentRow(Formats.text(a.executive()), Formats.text(a.accountName()),
                Formats.bucket(a.segment()), Formats.bucket(a.region()),
                Formats.money(a.arrLost(), currency), legend.label(a.cause()), legend.hex(a.cause()),
                Formats.text(a.why()), Formats.date(a.dueDate()));
    }
}
