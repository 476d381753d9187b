package io.lossreview.scheduler.packet;

import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.Packet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The short "what changed since revision N" list: the headline figures and the cause ranking. */
final class PacketChanges {

    private PacketChanges() {
    }

    static List<String> between(Packet before, Packet after) {
        List<String> changes = new ArrayList<>();
        var a = before.summary();
        var b = after.summary();
        figure(changes, "Customers lost", a.customers(), b.customers());
        figure(changes, "Seats lost", a.seats(), b.seats());
        figure(changes, "ARR lost", a.arrLost(), b.arrLost());
        figure(changes, "Won back", a.wonBack(), b.wonBack());
        figure(changes, "Unvalued losses", a.unvalued(), b.unvalued());
        List<String> rankA = before.causes().stream().map(CauseLine::cause).toList();
        List<String> rankB = after.causes().stream().map(CauseLine::cause).toList();
        if (!rankA.equals(rankB)) {
            changes.add("Cause ranking: " + String.join(", ", rankA) + " → " + String.join(", ", rankB));
        }
        for (CauseLine c : after.causes()) {
            before.causes().stream().filter(x -> x.cause().equals(c.cause())).findFirst()
                    .filter(x -> x.customers() != c.customers())
                    .ifPresent(x -> changes.add(c.label() + ": " + x.customers() + " → " + c.customers() + " customers"));
        }
        if (!Objects.equals(before.lastMonthCalls(), after.lastMonthCalls())) {
            changes.add("Last month's call outcomes were updated");
        }
        if (!Objects.equals(before.actions(), after.actions())) {
            changes.add("Action items were updated");
        }
        if (changes.isEmpty()) {
            changes.add("Details changed (stories, notable losses or breakdowns); the headline figures did not");
        }
        return changes;
    }

    /** Adds "what: before → after" when they differ (amounts compared by value, 1.0 = 1.00). */
    static void figure(List<String> changes, String what, Object before, Object after) {
        if (before instanceof java.math.BigDecimal x && after instanceof java.math.BigDecimal y ? x.compareTo(y) != 0
                : !Objects.equals(before, after)) {
            changes.add(what + ": " + plain(before) + " → " + plain(after));
        }
    }

    private static String plain(Object v) {
        return v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
