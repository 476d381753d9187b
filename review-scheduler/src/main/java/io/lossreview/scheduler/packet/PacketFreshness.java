package io.lossreview.scheduler.packet;

import io.lossreview.contracts.analysis.CauseTotal;
import io.lossreview.contracts.analysis.MonthAnalyzed;
import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Summary;
import io.lossreview.scheduler.packet.render.CauseLegend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps "is the newest packet still true?" answered: each month the analyzer announces on
 * loss.analysis is compared with the month's newest revision; a difference marks it stale (with what
 * changed), equal figures clear the mark. Announcements of a month arrive in order (keyed by month),
 * so the last one applied holds the month's current figures.
 */
@ApplicationScoped
public class PacketFreshness {

    public static final String CONSUMER = "review-scheduler.analysis";

    private final PacketRepository store;

    public PacketFreshness(PacketRepository store) {
        this.store = store;
    }

    @Transactional
    public void apply(List<MonthAnalyzed> announced) {
        Map<java.time.YearMonth, MonthAnalyzed> newest = announced.stream().collect(Collectors.toMap(MonthAnalyzed::month,
                Function.identity(), (a, b) -> b)); // in partition order: the later one wins
        newest.values().stream().sorted(Comparator.comparing(MonthAnalyzed::month)).forEach(a -> {
            store.lockMonth(a.month()); // after a build in progress commits, so its revision is the one compared
            store.latest(a.month()).ifPresent(stored -> {
                List<String> changed = changes(stored.packet(), a);
                if (!changed.isEmpty() && stored.staleSince() == null) {
                    store.markStale(stored.id(), a.analyzedAt(), "The month's figures changed after revision "
                            + stored.packet().revision() + " was built: " + String.join("; ", changed)
                            + ". Rebuild the packet to update it.");
                } else if (changed.isEmpty()) {
                    store.clearStale(stored.id());
                }
            });
        });
    }

    /** What differs between the packet and the announced figures, in the packet's words; empty when nothing does. */
    static List<String> changes(Packet p, MonthAnalyzed a) {
        List<String> changed = new ArrayList<>();
        Summary s = p.summary();
        String currency = p.reportingCurrency();
        add(changed, PacketChanges.count("Customers lost", s.customers(), a.customers()));
        add(changed, PacketChanges.money("ARR lost", s.arrLost(), a.arrLost(), currency));
        add(changed, PacketChanges.money("Lifetime value lost", s.lifetimeValueLost(), a.lifetimeValueLost(), currency));
        add(changed, PacketChanges.count("Customers won back", s.wonBack(), a.wonBack()));
        add(changed, PacketChanges.count("Losses without a value yet", s.unvalued(), a.unvalued()));
        if (p.taxonomyVersion() != a.taxonomyVersion()) {
            changed.add("Cause taxonomy: version " + p.taxonomyVersion() + PacketChanges.ARROW + a.taxonomyVersion());
        }
        CauseLegend legend = CauseLegend.of(p);
        Map<String, CauseLine> causes = p.causes().stream().collect(Collectors.toMap(CauseLine::cause, Function.identity()));
        for (CauseTotal t : a.topCauses()) {
            CauseLine line = causes.get(t.cause());
            String label = legend.label(t.cause());
            add(changed, PacketChanges.count(label + " customers", line == null ? 0 : line.customers(), t.customers()));
            add(changed, PacketChanges.money(label + " ARR lost", line == null ? BigDecimal.ZERO : line.arrLost(),
                    t.arrLost(), currency));
        }
        return changed;
    }

    private static void add(List<String> changed, String line) {
        if (line != null) {
            changed.add(line);
        }
    }
}
