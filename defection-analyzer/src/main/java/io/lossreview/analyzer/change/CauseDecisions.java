package io.lossreview.analyzer.change;

import io.lossreview.analyzer.defection.DefectionRepository;
import io.lossreview.analyzer.defection.AnalyzedDefection;
import io.lossreview.common.error.Conflict;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.contracts.analysis.view.CauseSource;
import io.lossreview.analyzer.analysis.Contributions.Transition;
import io.lossreview.analyzer.analysis.MonthTotals;
import io.lossreview.analyzer.classify.Classifiers;
import io.lossreview.analyzer.classify.LabelledExamples;
import io.lossreview.analyzer.defection.AnalyzedDefection.Decision;
import io.lossreview.analyzer.taxonomy.TaxonomyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * People's decisions about a cause: an ops person's manual cause or what an executive learned on a
 * call. Either replaces the classifier's cause for good and becomes a labelled example.
 */
@ApplicationScoped
public class CauseDecisions {

    private final DefectionRepository store;
    private final DefectionWriter writer;
    private final MonthTotals totals;
    private final TaxonomyRepository taxonomies;
    private final LabelledExamples examples;
    private final Clock clock;

    public CauseDecisions(DefectionRepository store, DefectionWriter writer, MonthTotals totals,
                          TaxonomyRepository taxonomies, LabelledExamples examples, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.totals = totals;
        this.taxonomies = taxonomies;
        this.examples = examples;
        this.clock = clock;
    }

    /** Sets the cause; 404 for an unknown defection, 400 for a cause the month's taxonomy lacks. */
    @Transactional(dontRollbackOn = {InvalidInput.class, NotFound.class, Conflict.class})
    public AnalyzedDefection decide(UUID defectionId, String cause, CauseSource source, String who, String note) {
        return tryDecide(defectionId, cause, source, who, note)
                .orElseThrow(() -> new NotFound("defection", defectionId));
    }

    /** As {@link #decide}, but empty when the defection is unknown (a call event arriving first). */
    // A refused cause is thrown before anything is written: it must not doom a caller's transaction.
    @Transactional(dontRollbackOn = {InvalidInput.class, NotFound.class, Conflict.class})
    public Optional<AnalyzedDefection> tryDecide(UUID defectionId, String cause, CauseSource source, String who,
                                                 String note) {
        YearMonth month = store.monthsOf(List.of(defectionId)).get(defectionId);
        if (month == null) {
            return Optional.empty();
        }
        totals.lock(List.of(month));
        AnalyzedDefection before = store.lockByIds(List.of(defectionId)).get(defectionId);
        if (!before.lossMonth().equals(month)) {
            totals.lock(List.of(before.lossMonth())); // moved by a batch that committed meanwhile
        }
        int version = taxonomies.pin(List.of(before.lossMonth())).get(before.lossMonth());
        String code = taxonomies.get(version).taxonomy().cause(cause)
                .orElseThrow(() -> new InvalidInput("/cause", "taxonomy-cause", "'" + cause
                        + "' is not a cause of taxonomy version " + version + ", which " + month + " is reported under"))
                .code();
        var now = clock.instant();
        AnalyzedDefection after = before.withDecision(Decision.byPerson(code, source, version, who, now, note));
        writer.write(List.of(new Transition(before, after)));
        examples.add(Classifiers.labelText(before.document()), code, who, now, defectionId);
        return Optional.of(after);
    }
}
