package io.lossreview.analyzer.change;

import io.lossreview.analyzer.taxonomy.TaxonomyVersion;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import io.lossreview.analyzer.taxonomy.TaxonomyRepository;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.analyzer.analysis.Contributions.Transition;
import io.lossreview.analyzer.analysis.MonthTotals;
import io.lossreview.analyzer.classify.Classifier;
import io.lossreview.analyzer.classify.Classifiers;
import io.lossreview.analyzer.config.AnalyzerConfig;
import io.lossreview.analyzer.defection.AnalyzedDefection;
import io.lossreview.analyzer.defection.AnalyzedDefection.Decision;
import io.lossreview.analyzer.defection.DefectionRepository;
import io.lossreview.analyzer.change.DefectionWriter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Taxonomy changes. A change is a new version effective from a month on; months already reported
 * under an older version keep it until an explicit, recorded backfill re-classifies them.
 */
@ApplicationScoped
public class TaxonomyService {

    /** A stored version and the months that stay on older versions until backfilled. */
    public record Saved(Taxonomy taxonomy, Map<YearMonth, Integer> monthsOnOlderVersions) {
    }

    /** What a backfill did. */
    public record Backfill(UUID id, int version, YearMonth from, YearMonth to, int reclassified, int keptManual) {
    }

    private final TaxonomyRepository repository;
    private final DefectionRepository store;
    private final DefectionWriter writer;
    private final MonthTotals totals;
    private final Classifiers classifiers;
    private final BackfillRepository backfills;
    private final AnalyzerConfig config;
    private final Clock clock;

    public TaxonomyService(TaxonomyRepository repository, DefectionRepository store, DefectionWriter writer,
                           MonthTotals totals, Classifiers classifiers, BackfillRepository backfills, AnalyzerConfig config,
                           Clock clock) {
        this.repository = repository;
        this.store = store;
        this.writer = writer;
        this.totals = totals;
        this.classifiers = classifiers;
        this.backfills = backfills;
        this.config = config;
        this.clock = clock;
    }

    /** Seeds version 1 at start; with the database down the service still starts (readiness says DOWN). */
    void seed(@Observes StartupEvent start) {
        try {
            repository.ensureSeeded();
        } catch (RuntimeException e) {
            org.jboss.logging.Logger.getLogger(TaxonomyService.class)
                    .warnf("Default taxonomy not seeded yet (%s); it will be on first use", e.getMessage());
        }
    }

    @Transactional
    public Saved replace(Taxonomy draft, String who, String note) {
        List<InvalidInput.Violation> problems = new ArrayList<>();
        draft.validate().forEach(p -> problems.add(new InvalidInput.Violation("/causes", "taxonomy", p)));
        if (draft.effectiveFrom() == null || draft.effectiveFrom().getDayOfMonth() != 1) {
            problems.add(new InvalidInput.Violation("/effectiveFrom", "first-day-of-month",
                    "must be the first day of a month: a month is reported under one taxonomy version"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Taxonomy stored = repository.add(draft, who, note);
        Map<YearMonth, Integer> older = new TreeMap<>(repository.pinnedFrom(YearMonth.from(draft.effectiveFrom())));
        return new Saved(stored, older);
    }

    /** Re-classifies [from, to] under a version and re-pins those months; people's causes are kept. */
    @Transactional
    public Backfill backfill(YearMonth from, YearMonth to, int version, String who) {
        if (to.isBefore(from)) {
            throw new InvalidInput("/to", "not-before-from", "to (" + to + ") is before from (" + from + ")");
        }
        if (from.plusMonths(120).isBefore(to)) {
            throw new InvalidInput("/to", "max-range", "a backfill covers at most 120 months");
        }
        if (repository.all().stream().noneMatch(v -> v.taxonomy().version() == version)) {
            throw new InvalidInput("/version", "taxonomy-version", "taxonomy version " + version + " does not exist");
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        totals.lock(months);
        Classifier classifier = classifiers.forVersion(version);
        List<Transition> transitions = new ArrayList<>();
        int keptManual = 0;
        for (AnalyzedDefection d : store.lockByMonths(months).values()) {
            if (d.decision().source().human()) {
                keptManual++;
                continue;
            }
            Decision decision = Decision.classified(classifier.classify(Classifiers.input(d.document())), version,
                    config.reviewThreshold());
            transitions.add(new Transition(d, d.withDecision(decision)));
        }
        String why = "taxonomy v" + version + " backfill " + from + ".." + to + " requested by " + who;
        writer.write(transitions, d -> why);
        repository.repin(months, version);
        Backfill done = new Backfill(UUID.randomUUID(), version, from, to, transitions.size(), keptManual);
        backfills.record(done, who, clock.instant());
        return done;
    }

    public List<TaxonomyVersion> versions() {
        return repository.all();
    }

    public TaxonomyVersion current() {
        return repository.latest();
    }
}
