package io.lossreview.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The review queue's answers as the page shows them: the months to pick from, and what a bulk accept did. */
final class QueueAnswers {

    /** One month of the queue in the month picker; {@code withWords}: the items there is something to judge in. */
    public record MonthCount(String month, String title, int items, int withWords, int withoutWords, boolean selected) {
    }

    private QueueAnswers() {
    }

    /** The months with items, newest first (the analyzer's order); empty when the counts could not be loaded. */
    static List<MonthCount> counts(Loaded months, String selected) {
        List<MonthCount> counts = new ArrayList<>();
        for (Object o : months.list()) {
            Map<?, ?> m = (Map<?, ?>) o;
            String month = String.valueOf(m.get("month"));
            int items = ((Number) m.get("items")).intValue();
            int without = ((Number) m.get("withoutWords")).intValue();
            counts.add(new MonthCount(month, Months.parse(month).map(Months::title).orElse(month), items, items - without,
                    without, month.equals(selected)));
        }
        return counts;
    }

    /** How many suggestions the analyzer accepted (ids decided meanwhile or unknown are not counted). */
    static int accepted(Loaded answer) {
        return answer.map().get("accepted") instanceof Number n ? n.intValue() : 0;
    }

    static String acceptedFlash(int accepted) {
        return accepted == 0 ? "No suggestion was accepted: those rows were decided meanwhile."
                : (accepted == 1 ? "1 suggestion accepted" : accepted + " suggestions accepted")
                + "; the month's figures now count them as decided.";
    }
}
