package io.lossreview.analyzer.change;

import io.lossreview.analyzer.defection.DefectionRepository;
import io.lossreview.analyzer.defection.WithdrawnDefections;
import io.lossreview.analyzer.defection.AnalyzedDefection;
import io.lossreview.analyzer.analysis.Contributions.Transition;
import io.lossreview.analyzer.analysis.MonthTotals;
import io.lossreview.analyzer.classify.Classifier;
import io.lossreview.analyzer.classify.Classifiers;
import io.lossreview.analyzer.config.AnalyzerConfig;
import io.lossreview.analyzer.defection.AnalyzedDefection.Decision;
import io.lossreview.analyzer.taxonomy.TaxonomyRepository;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.DefectionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies a batch of new loss.defections events inside the batch's transaction (the consumer path
 * has deduped them on event id and commits them with the inbox): keep the newest revision of each
 * defection, classify it (unless a person decided its cause), and write the rows and the monthly totals'
 * net change together. A defection withdrawn as a contraction leaves the rows and the totals.
 */
@ApplicationScoped
public class DefectionIntake {

    public static final String CONSUMER = "defection-analyzer.defections";

    /** What a batch did: defections changed, and older revisions that arrived late. */
    public record Outcome(int applied, int stale) {
    }

    private final DefectionRepository store;
    private final WithdrawnDefections withdrawn;
    private final DefectionWriter writer;
    private final MonthTotals totals;
    private final TaxonomyRepository taxonomies;
    private final Classifiers classifiers;
    private final AnalyzerConfig config;

    public DefectionIntake(DefectionRepository store, WithdrawnDefections withdrawn, DefectionWriter writer,
                           MonthTotals totals, TaxonomyRepository taxonomies, Classifiers classifiers,
                           AnalyzerConfig config) {
        this.store = store;
        this.withdrawn = withdrawn;
        this.writer = writer;
        this.totals = totals;
        this.taxonomies = taxonomies;
        this.classifiers = classifiers;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome apply(List<DefectionChanged> fresh) {
        Map<UUID, DefectionChanged> newest = new HashMap<>();
        DefectionChanged.newestByDefection(fresh).forEach((id, d) -> newest.put(UUID.fromString(id), d));

        Set<YearMonth> months = new TreeSet<>(store.monthsOf(newest.keySet()).values());
        newest.values().forEach(d -> months.add(d.lossMonth()));
        totals.lock(months);
        Map<UUID, AnalyzedDefection> stored = store.lockByIds(newest.keySet());
        Map<UUID, Integer> withdrawnAt = withdrawn.revisions(newest.keySet());
        Map<YearMonth, Integer> versions = taxonomies.pin(months);

        List<DefectionChanged> newer = newest.values().stream().filter(d -> {
            UUID id = UUID.fromString(d.defectionId());
            AnalyzedDefection before = stored.get(id);
            int known = before != null ? before.revision() : withdrawnAt.getOrDefault(id, 0);
            return known < d.revision(); // else an older revision arriving late
        }).toList();
        // A contraction (the customer kept another subscription) is no loss: its row goes, its revision stays.
        Map<UUID, Integer> withdrawnNow = new HashMap<>();
        newer.stream().filter(d -> d.status() == DefectionStatus.CONTRACTION)
                .forEach(d -> withdrawnNow.put(UUID.fromString(d.defectionId()), d.revision()));
        Map<Integer, Classifier> byVersion = new HashMap<>();
        versions.values().stream().distinct().forEach(v -> byVersion.put(v, classifiers.forVersion(v)));
        // Classifying is pure CPU work: spread over the cores, inside the transaction it belongs to.
        List<Transition> transitions = newer.parallelStream().map(d -> {
            AnalyzedDefection before = stored.get(UUID.fromString(d.defectionId()));
            return d.status() == DefectionStatus.CONTRACTION ? new Transition(before, null)
                    : new Transition(before, AnalyzedDefection.of(d, decide(d, before, versions, byVersion)));
        }).filter(t -> t.before() != null || t.after() != null).toList();
        writer.write(transitions, d -> "classified revision " + d.revision());
        withdrawn.withdraw(withdrawnNow);
        withdrawn.restore(newer.stream().map(d -> UUID.fromString(d.defectionId()))
                .filter(id -> withdrawnAt.containsKey(id) && !withdrawnNow.containsKey(id)).toList());
        return new Outcome(newer.size(), newest.size() - newer.size());
    }

    /**
     * A person's decision stands, and so does the machine's while the words and codes it read are the same and the
     * month keeps its taxonomy version: a newer model or new labels change a month already classified only through
     * an explicit backfill. Otherwise the month's taxonomy version classifies the new revision.
     */
    private Decision decide(DefectionChanged d, AnalyzedDefection before, Map<YearMonth, Integer> versions,
                            Map<Integer, Classifier> byVersion) {
        int version = versions.get(d.lossMonth());
        if (before != null && (before.decision().source().human() || (before.decision().taxonomyVersion() == version
                && Classifiers.input(before.document()).equals(Classifiers.input(d))))) {
            return before.decision();
        }
        return Decision.classified(byVersion.get(version).classify(Classifiers.input(d)), version,
                config.reviewThreshold());
    }
}
