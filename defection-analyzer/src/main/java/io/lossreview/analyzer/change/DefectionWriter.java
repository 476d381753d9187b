package io.lossreview.analyzer.change;

import io.lossreview.analyzer.defection.AnalyzedDefection;
import io.lossreview.analyzer.defection.AnalyzedDefection.Decision;
import io.lossreview.analyzer.defection.CauseHistoryRepository;
import io.lossreview.analyzer.defection.DefectionRepository;
import io.lossreview.analyzer.analysis.ChangedMonths;
import io.lossreview.analyzer.analysis.Contributions;
import io.lossreview.analyzer.analysis.Contributions.Transition;
import io.lossreview.analyzer.analysis.MonthTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one way defections change: the rows, the monthly totals' net change and the months to
 * announce are written together, in the caller's transaction, under the months' locks, and so is a row of
 * the cause history for each defection whose cause decision changed. A transition to nothing (a withdrawn
 * defection) removes the row and its contribution.
 */
@ApplicationScoped
public class DefectionWriter {

    private final DefectionRepository store;
    private final MonthTotals totals;
    private final ChangedMonths changedMonths;
    private final CauseHistoryRepository history;
    private final Clock clock;

    public DefectionWriter(DefectionRepository store, MonthTotals totals, ChangedMonths changedMonths,
                           CauseHistoryRepository history, Clock clock) {
        this.store = store;
        this.totals = totals;
        this.changedMonths = changedMonths;
        this.history = history;
        this.clock = clock;
    }

    /** The months a set of transitions touches (before and after): lock them before loading rows. */
    public static Set<YearMonth> months(List<Transition> transitions) {
        Set<YearMonth> months = new TreeSet<>();
        transitions.stream().flatMap(t -> Stream.of(t.before(), t.after())).filter(Objects::nonNull)
                .forEach(d -> months.add(d.lossMonth()));
        return months;
    }

    /** {@code why} says, per changed defection, why its cause was decided (null: not known). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<Transition> transitions, Function<AnalyzedDefection, String> why) {
        if (transitions.isEmpty()) {
            return;
        }
        store.saveAll(transitions.stream().map(Transition::after).filter(Objects::nonNull).toList());
        store.deleteAll(transitions.stream().filter(t -> t.after() == null).map(t -> t.before().id()).toList());
        totals.add(Contributions.delta(transitions));
        changedMonths.mark(months(transitions));
        recordDecisions(transitions, why);
    }

    /**
     * A history row for each defection whose decision is not the one it had: the row before the change, or for
     * a defection without one (new, or withdrawn and now a loss again) its last recorded decision.
     */
    private void recordDecisions(List<Transition> transitions, Function<AnalyzedDefection, String> why) {
        List<Transition> kept = transitions.stream().filter(t -> t.after() != null).toList();
        Set<UUID> withoutRow = kept.stream().filter(t -> t.before() == null).map(t -> t.after().id())
                .collect(Collectors.toSet());
        Map<UUID, Decision> recorded = history.latest(withoutRow);
        Instant now = clock.instant();
        history.append(kept.stream().filter(t -> {
            Decision previous = t.before() != null ? t.before().decision() : recorded.get(t.after().id());
            return !t.after().decision().sameAs(previous);
        }).map(t -> {
            Decision d = t.after().decision();
            return new CauseHistoryRepository.Entry(t.after().id(), d, d.decidedAt() != null ? d.decidedAt() : now,
                    why.apply(t.after()));
        }).toList());
    }
}
