package io.lossreview.analyzer.classify;

import io.lossreview.analyzer.classify.learned.Corpus;
import io.lossreview.analyzer.classify.learned.ModelTraining;
import io.lossreview.analyzer.classify.learned.TextModel;
import io.lossreview.analyzer.config.AnalyzerConfig;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import io.lossreview.analyzer.taxonomy.TaxonomyRepository;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.StatedReason;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Map;
import org.jboss.logging.Logger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One classifier per taxonomy version: the rules of that version, the texts people labelled (an identical or
 * near-identical text gets their cause at once) and the learned text model. The classifier is rebuilt whenever
 * people labelled something; the model, which takes seconds to train, only after
 * {@code analyzer.retrain-after-labels} new labels, from the corpus' training split and every label so far.
 */
@ApplicationScoped
public class Classifiers {

    private static final Logger LOG = Logger.getLogger(Classifiers.class);

    private record Built(LabelledExamples.Stamp stamp, Classifier classifier) {
    }

    /** A trained model and how many people's labels it learned from. */
    private record Trained(long labels, TextModel model, String name) {
    }

    private final TaxonomyRepository taxonomies;
    private final LabelledExamples examples;
    private final AnalyzerConfig config;
    private final Map<Integer, Built> cache = new ConcurrentHashMap<>();
    private final Map<Integer, Trained> models = new ConcurrentHashMap<>();
    /** Versions whose model is being retrained right now. */
    private final Set<Integer> retraining = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "text-model-training");
        t.setDaemon(true);
        return t;
    });

    public Classifiers(TaxonomyRepository taxonomies, LabelledExamples examples, AnalyzerConfig config) {
        this.taxonomies = taxonomies;
        this.examples = examples;
        this.config = config;
    }

    /** The classifier of this taxonomy version, with every example labelled so far. */
    public Classifier forVersion(int version) {
        LabelledExamples.Stamp stamp = examples.stamp();
        Built built = cache.get(version);
        if (built == null || !built.stamp().equals(stamp)) {
            synchronized (this) {
                built = cache.get(version);
                if (built == null || !built.stamp().equals(stamp)) {
                    Taxonomy taxonomy = taxonomies.get(version).taxonomy();
                    List<LabelledExample> labelled = examples.all();
                    Trained model = model(version, taxonomy, labelled);
                    built = new Built(stamp, new Classifier(taxonomy, labelled, model.model(), model.name()));
                    cache.put(version, built);
                }
            }
        }
        return built.classifier();
    }

    /**
     * The model of this version. Only the very first one is trained here (at start-up, see {@link #warmUp}); a
     * retraining due after new labels runs in the background, never inside the caller's transaction, and the next
     * classifier built after it finished uses it.
     */
    private Trained model(int version, Taxonomy taxonomy, List<LabelledExample> labelled) {
        Trained current = models.get(version);
        if (current == null) {
            return train(version, taxonomy, labelled);
        }
        boolean due = labelled.size() - current.labels() >= config.retrainAfterLabels() || labelled.size() < current.labels();
        if (due && retraining.add(version)) {
            background.execute(() -> {
                try {
                    train(version, taxonomy, labelled);
                    cache.remove(version); // the next call builds a classifier with the new model
                } catch (RuntimeException e) {
                    LOG.errorf(e, "retraining the text model of taxonomy v%d failed; the previous model stays", version);
                } finally {
                    retraining.remove(version);
                }
            });
        }
        return current;
    }

    /**
     * Trains the newest taxonomy's model when the service starts, so no consumer's transaction waits for it. If the
     * database cannot be read yet, the first classification trains it instead.
     */
    void warmUp(@Observes StartupEvent start) {
        try {
            forVersion(taxonomies.latest().taxonomy().version());
        } catch (RuntimeException e) {
            LOG.warnf("the text model is trained on first use instead of at start-up: %s", e.getMessage());
        }
    }

    private Trained train(int version, Taxonomy taxonomy, List<LabelledExample> labelled) {
        long started = System.nanoTime();
        List<Corpus.Row> corpus = Corpus.rows(Corpus.Split.TRAIN);
        Classifier rules = new Classifier(taxonomy, List.of());
        List<TextModel.Labelled> rows = ModelTraining.labelled(corpus, labelled, rules);
        String fingerprint = ModelTraining.fingerprint(rows);
        TextModel model = TextModel.train(rows, TextModel.DEFAULT_COST, "taxonomy v" + version + ", " + corpus.size()
                + " corpus rows and " + labelled.size() + " people's labels, fingerprint " + fingerprint);
        Trained trained = new Trained(labelled.size(), model, "model " + fingerprint.substring(0, 8));
        models.put(version, trained);
        LOG.infof("text model for taxonomy v%d trained in %d ms on %d corpus rows and %d people's labels (%s)", version,
                (System.nanoTime() - started) / 1_000_000, corpus.size(), labelled.size(), trained.name());
        return trained;
    }

    public static ClassificationInput input(DefectionChanged d) {
        StatedReason r = d.reason();
        return r == null ? new ClassificationInput(null, null, null, null, null, d.voluntary())
                : new ClassificationInput(r.billingReasonCode(), r.billingComment(), r.crmReasonCode(),
                r.statedReason(), r.competitor(), d.voluntary());
    }

    /** The words people read and label: the CRM's stated reason and the customer's own comment. */
    public static String labelText(DefectionChanged d) {
        StatedReason r = d.reason();
        return r == null ? "" : Stream.of(r.statedReason(), r.billingComment())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" / "));
    }
}
