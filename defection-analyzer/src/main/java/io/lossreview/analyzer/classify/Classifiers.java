package io.lossreview.analyzer.classify;

import io.lossreview.analyzer.classify.learned.Corpus;
import io.lossreview.analyzer.classify.learned.ModelCache;
import io.lossreview.analyzer.classify.learned.ModelRegistry;
import io.lossreview.analyzer.classify.learned.ModelTraining;
import io.lossreview.analyzer.classify.learned.TextModel;
import io.lossreview.analyzer.config.AnalyzerConfig;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import io.lossreview.analyzer.taxonomy.TaxonomyRepository;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.StatedReason;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.concurrent.Executors;
import java.util.Map;
import org.jboss.logging.Logger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One classifier per taxonomy version: the rules of that version, the texts people labelled (an identical or
 * near-identical text gets their cause at once) and the version's active text model from the {@link ModelRegistry}.
 * The classifier is rebuilt whenever people labelled something or another model became active (trained here or on
 * another instance, or chosen by an admin). A new model is trained after {@code analyzer.retrain-after-labels} new
 * labels, from the corpus' training split and every label so far, in the background: never inside a consumer's
 * transaction. It becomes active by itself unless an admin holds an earlier one. Defections already classified keep
 * their cause: a new model classifies new defections and new words only (see DefectionIntake), and changes past
 * months only through an explicit backfill.
 */
@ApplicationScoped
public class Classifiers {

    private static final Logger LOG = Logger.getLogger(Classifiers.class);

    /** A classifier, and the labels and the active model id the registry had when it was built. */
    private record Built(LabelledExamples.Stamp stamp, Optional<Long> activeSeen, Classifier classifier) {
    }

    /** The model in use and how many people's labels it learned from. */
    private record Loaded(long id, long labels, TextModel model) {
        String name() {
            return "model " + id;
        }
    }

    private final TaxonomyRepository taxonomies;
    private final LabelledExamples examples;
    private final ModelRegistry registry;
    private final AnalyzerConfig config;
    private final Clock clock;
    private final ModelCache modelCache;
    private final Map<Integer, Built> cache = new ConcurrentHashMap<>();
    private final Map<Integer, Loaded> models = new ConcurrentHashMap<>();
    /** People's labels when each version's model was last trained here, active or not (an admin may hold another). */
    private final Map<Integer, Long> trainedAtLabels = new ConcurrentHashMap<>();
    /** Versions with a training or a load under way in the background. */
    private final Set<Integer> busy = ConcurrentHashMap.newKeySet();
    /** Set when the application stops: a training still running then must not store its model anywhere. */
    private volatile boolean stopped;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "text-model-training");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        stopped = true;
        background.shutdownNow();
    }

    public Classifiers(TaxonomyRepository taxonomies, LabelledExamples examples, ModelRegistry registry,
                       AnalyzerConfig config, Clock clock) {
        this.taxonomies = taxonomies;
        this.examples = examples;
        this.registry = registry;
        this.config = config;
        this.modelCache = new ModelCache(config.modelCache());
        this.clock = clock;
    }

    /**
     * The classifier of this taxonomy version, with every example labelled so far and the active model. A version
     * with no model yet (a new taxonomy version, or a start-up that could not reach the database) has its first
     * model trained in the background, never in the caller's transaction: until it is ready, the rules alone
     * classify, as they do for a cause the model has not learned.
     */
    public Classifier forVersion(int version) {
        return classifier(version, false);
    }

    private Classifier classifier(int version, boolean waitForModel) {
        LabelledExamples.Stamp stamp = examples.stamp();
        Optional<Long> activeId = registry.activeId(version);
        Built built = cache.get(version);
        // Rebuilt only when the labels or the registry's active model changed, not on every call while a model
        // made active elsewhere is being loaded (or cannot be: another release's).
        if (built == null || !built.stamp().equals(stamp) || !built.activeSeen().equals(activeId)) {
            synchronized (this) {
                Built again = cache.get(version);
                if (again != null && again.stamp().equals(stamp) && again.activeSeen().equals(activeId)) {
                    return again.classifier();
                }
                Taxonomy taxonomy = taxonomies.get(version).taxonomy();
                List<LabelledExample> labelled = examples.all();
                Loaded model = model(version, taxonomy, labelled, activeId, waitForModel);
                Built fresh = new Built(stamp, activeId, model == null ? new Classifier(taxonomy, labelled)
                        : new Classifier(taxonomy, labelled, model.model(), model.name()));
                cache.put(version, fresh);
                return fresh.classifier();
            }
        }
        return built.classifier();
    }

    /** Loads the model now active (after an admin chose it), so the next classification uses it. */
    public synchronized void reload(int version) {
        Taxonomy taxonomy = taxonomies.get(version).taxonomy();
        models.put(version, loadActive(version).orElseThrow(() -> new IllegalStateException(
                "taxonomy v" + version + " has no loadable active model")));
        cache.remove(version);
        LOG.infof("taxonomy v%d now classifies with %s", taxonomy.version(), models.get(version).name());
    }

    /**
     * The model to classify with, or null while the version's first one is being trained. A stored active model is
     * loaded here; a first model is trained here only at start-up (see {@link #warmUp}), else in the background, as
     * are a model made active elsewhere and a retraining due after new labels: the current model classifies
     * meanwhile.
     */
    private Loaded model(int version, Taxonomy taxonomy, List<LabelledExample> labelled, Optional<Long> activeId,
                         boolean waitForModel) {
        Loaded current = models.get(version);
        if (current == null) {
            Optional<Loaded> stored = loadActive(version);
            if (stored.isPresent() || waitForModel) {
                Loaded first = stored.orElseGet(() -> train(version, taxonomy, labelled));
                models.put(version, first);
                return first;
            }
            inBackground(version, () -> {
                models.putIfAbsent(version, train(version, taxonomy, labelled));
                return true;
            });
            return null;
        }
        if (activeId.isPresent() && activeId.get() != current.id()) {
            inBackground(version, () -> {
                Optional<Loaded> loaded = loadActive(version);
                loaded.ifPresent(m -> models.put(version, m));
                return loaded.isPresent();
            });
            return current;
        }
        long learned = Math.max(current.labels(), trainedAtLabels.getOrDefault(version, 0L));
        if (labelled.size() - learned >= config.retrainAfterLabels() || labelled.size() < current.labels()) {
            inBackground(version, () -> {
                train(version, taxonomy, labelled);
                return true;
            });
        }
        return current;
    }

    /** Runs the work once at a time per version; when it changed the model, the next call builds a new classifier. */
    private void inBackground(int version, BooleanSupplier work) {
        if (!busy.add(version)) {
            return;
        }
        background.execute(() -> {
            try {
                if (work.getAsBoolean()) {
                    cache.remove(version);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "the text model of taxonomy v%d could not be trained or loaded; the previous one stays", version);
            } finally {
                busy.remove(version);
            }
        });
    }

    /**
     * Trains the newest taxonomy's model, or loads the active one, when the service starts, so no consumer's
     * transaction waits for it. If the database cannot be read yet, the first classification does it instead.
     */
    void warmUp(@Observes StartupEvent start) {
        try {
            classifier(taxonomies.latest().taxonomy().version(), true);
        } catch (RuntimeException e) {
            LOG.warnf("the text model is loaded or trained on first use instead of at start-up: %s", e.getMessage());
        }
    }

    /** The active model of the version if this release can load it (a model of another release's corpus it cannot). */
    private Optional<Loaded> loadActive(int version) {
        return registry.active(version).filter(m -> m.version().loadable()).flatMap(m -> registry.model(m.id())
                .map(bytes -> new Loaded(m.id(), m.version().peopleLabels(), TextModel.fromBytes(bytes))));
    }

    /**
     * Trains a model on the corpus' training split and the labels, stores it, makes it active unless an admin holds
     * another, and measures it on the held-out rows afterwards (in the background: the figures can wait).
     */
    private Loaded train(int version, Taxonomy taxonomy, List<LabelledExample> labelled) {
        long started = System.nanoTime();
        List<Corpus.Row> corpus = Corpus.rows(Corpus.Split.TRAIN);
        Classifier rules = new Classifier(taxonomy, List.of());
        List<TextModel.Labelled> rows = ModelTraining.labelled(corpus, labelled, rules);
        String fingerprint = ModelTraining.fingerprint(rows);
        TextModel model = modelCache.model(ModelCache.key(fingerprint, TextModel.DEFAULT_COST), () -> TextModel.train(rows, TextModel.DEFAULT_COST, "taxonomy v"
                + version + ", " + corpus.size() + " corpus rows and " + labelled.size() + " people's labels, fingerprint "
                + fingerprint));
        if (stopped) {
            throw new IllegalStateException("the analyzer stopped while the model trained; it is not stored");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        trainedAtLabels.put(version, (long) labelled.size());
        long id = registry.store(new ModelRegistry.Trained(version, fingerprint, ModelTraining.releaseFingerprint(),
                clock.instant(), millis, corpus.size(), labelled.size(), model.bytes()));
        Loaded trained = new Loaded(id, labelled.size(), model);
        boolean active = registry.activate(id, version, ModelRegistry.AUTOMATIC, false, null, clock.instant());
        LOG.infof("text model %d of taxonomy v%d ready in %d ms, trained on %d corpus rows and %d people's labels%s", id,
                version, millis, corpus.size(), labelled.size(), active ? "; it is active" : "; an admin holds another");
        background.execute(() -> measure(trained, taxonomy));
        if (active) {
            models.put(version, trained);
        }
        return active || models.get(version) == null ? trained : models.get(version);
    }

    private void measure(Loaded model, Taxonomy taxonomy) {
        try {
            Classifier classifier = new Classifier(taxonomy, List.of(), model.model(), model.name());
            registry.recordMetrics(model.id(), ModelTraining.heldOut(classifier, config.reviewThreshold()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "text model %d could not be measured on the held-out rows", model.id());
        }
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
