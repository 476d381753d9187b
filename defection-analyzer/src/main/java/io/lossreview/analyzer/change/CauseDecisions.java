package io.lossreview.analyzer.change;

import io.lossreview.analyzer.defection.DefectionRepository;
import io.lossreview.analyzer.defection.AnalyzedDefection;
import io.lossreview.common.error.Conflict;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.contracts.analysis.view.CauseSource;
import io.lossreview.contracts.analysis.view.ReviewQueueAcceptance.Outcome;
import io.lossreview.contracts.analysis.view.ReviewQueueAcceptance.Status;
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
 * People's decisions about a cause: an ops person's manual cause (one, or the review queue's suggestions
 * accepted) or what an executive learned on a call. Either replaces the classifier's cause for good and
 * becomes a labelled example.
 */
@ApplicationScoped
public class CauseDecisions {

    /**
     * Who decides and why. {@code note} goes into the evidence ("set by who: note"), {@code why} into the
     * cause history.
     */
    public record PersonDecision(CauseSource source, String who, String note, String why) {

        /** An ops person's cause, with their note (PUT /defections/{id}/cause). */
        public static PersonDecision manual(String who, String note) {
            return new PersonDecision(CauseSource.MANUAL, who, note, note == null || note.isBlank() ? null : note);
        }

        /** The cause an executive learned on a reached call. */
        public static PersonDecision call(String who, String assignmentId) {
            return new PersonDecision(CauseSource.CALL, who, "call " + assignmentId, "call outcome " + assignmentId);
        }

        /** The classifier's suggestion, accepted from the review queue. */
        public static PersonDecision acceptedSuggestion(String who) {
            return new PersonDecision(CauseSource.MANUAL, who, "accepted the suggested cause",
                    "accepted the suggested cause in the review queue");
        }
    }

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
    public AnalyzedDefection decide(UUID defectionId, String cause, PersonDecision by) {
        return tryDecide(defectionId, cause, by).orElseThrow(() -> new NotFound("defection", defectionId));
    }

    /** As {@link #decide}, but empty when the defection is unknown (a call event arriving first). */
    // A refused cause is thrown before anything is written: it must not doom a caller's transaction.
    @Transactional(dontRollbackOn = {InvalidInput.class, NotFound.class, Conflict.class})
    public Optional<AnalyzedDefection> tryDecide(UUID defectionId, String cause, PersonDecision by) {
        return lock(defectionId).map(before -> apply(before, cause, by));
    }

    /**
     * Makes a queued defection's suggested cause (the classifier's) the caller's decision, by the same path as
     * {@link #decide}; a defection no longer queued is left as it is. Checked under the row lock, so a person
     * deciding it meanwhile wins.
     */
    @Transactional
    public Outcome acceptSuggestion(UUID defectionId, String who) {
        Optional<AnalyzedDefection> locked = lock(defectionId);
        if (locked.isEmpty()) {
            return new Outcome(defectionId, Status.NOT_FOUND, null);
        }
        AnalyzedDefection before = locked.get();
        if (!before.decision().needsReview()) {
            return new Outcome(defectionId, Status.ALREADY_DECIDED, before.cause());
        }
        return new Outcome(defectionId, Status.ACCEPTED, apply(before, before.cause(),
                PersonDecision.acceptedSuggestion(who)).cause());
    }

    /** Locks the defection's month totals, then its row; empty when there is no such defection (any more). */
    private Optional<AnalyzedDefection> lock(UUID defectionId) {
        YearMonth month = store.monthsOf(List.of(defectionId)).get(defectionId);
        if (month == null) {
            return Optional.empty();
        }
        totals.lock(List.of(month));
        AnalyzedDefection before = store.lockByIds(List.of(defectionId)).get(defectionId);
        if (before == null) {
            return Optional.empty(); // withdrawn by a batch that committed meanwhile
        }
        if (!before.lossMonth().equals(month)) {
            totals.lock(List.of(before.lossMonth())); // moved by a batch that committed meanwhile
        }
        return Optional.of(before);
    }

    private AnalyzedDefection apply(AnalyzedDefection before, String cause, PersonDecision by) {
        YearMonth month = before.lossMonth();
        int version = taxonomies.pin(List.of(month)).get(month);
        String code = taxonomies.get(version).taxonomy().cause(cause)
                .orElseThrow(() -> new InvalidInput("/cause", "taxonomy-cause", "'" + cause
                        + "' is not a cause of taxonomy version " + version + ", which " + month + " is reported under"))
                .code();
        var now = clock.instant();
        AnalyzedDefection after = before.withDecision(Decision.byPerson(code, by.source(), version, by.who(), now, by.note()));
        writer.write(List.of(new Transition(before, after)), d -> by.why());
        examples.add(Classifiers.labelText(before.document()), code, by.who(), now, before.id());
        return after;
    }
}
