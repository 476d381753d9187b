package io.lossreview.analyzer.change;

import io.lossreview.analyzer.defection.DefectionRepository;
import io.lossreview.analyzer.analysis.ChangedMonths;
import io.lossreview.analyzer.analysis.Contributions;
import io.lossreview.analyzer.analysis.Contributions.Transition;
import io.lossreview.analyzer.analysis.MonthTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The one way defections change: the rows, the monthly totals' net change and the months to
 * announce are written together, in the caller's transaction, under the months' locks. A transition to
 * nothing (a withdrawn defection) removes the row and its contribution.
 */
@ApplicationScoped
public class DefectionWriter {

    private final DefectionRepository store;
    private final MonthTotals totals;
    private final ChangedMonths changedMonths;

    public DefectionWriter(DefectionRepository store, MonthTotals totals, ChangedMonths changedMonths) {
        this.store = store;
        this.totals = totals;
        this.changedMonths = changedMonths;
    }

    /** The months a set of transitions touches (before and after): lock them before loading rows. */
    public static Set<YearMonth> months(List<Transition> transitions) {
        Set<YearMonth> months = new TreeSet<>();
        transitions.stream().flatMap(t -> Stream.of(t.before(), t.after())).filter(Objects::nonNull)
                .forEach(d -> months.add(d.lossMonth()));
        return months;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        store.saveAll(transitions.stream().map(Transition::after).filter(Objects::nonNull).toList());
        store.deleteAll(transitions.stream().filter(t -> t.after() == null).map(t -> t.before().id()).toList());
        totals.add(Contributions.delta(transitions));
        changedMonths.mark(months(transitions));
    }
}
