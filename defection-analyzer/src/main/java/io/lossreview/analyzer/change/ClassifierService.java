package io.lossreview.analyzer.change;

import io.lossreview.analyzer.classify.Classifiers;
import io.lossreview.analyzer.classify.LabelledExamples;
import io.lossreview.analyzer.classify.learned.ModelRegistry;
import io.lossreview.analyzer.config.AnalyzerConfig;
import io.lossreview.analyzer.taxonomy.TaxonomyRepository;
import io.lossreview.common.error.Conflict;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.contracts.analysis.view.ClassifierStatus;
import io.lossreview.contracts.analysis.view.TextModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * The text model as admins see and steer it: which model classifies, how the earlier ones scored, and going back
 * to an earlier one (or on to a later one). The newest taxonomy version's models only: older versions classify
 * only their pinned months' backfills.
 */
@ApplicationScoped
public class ClassifierService {

    /** Models listed, newest first. */
    static final int LISTED = 50;

    private final ModelRegistry registry;
    private final Classifiers classifiers;
    private final TaxonomyRepository taxonomies;
    private final LabelledExamples examples;
    private final AnalyzerConfig config;
    private final Clock clock;

    public ClassifierService(ModelRegistry registry, Classifiers classifiers, TaxonomyRepository taxonomies,
                             LabelledExamples examples, AnalyzerConfig config, Clock clock) {
        this.registry = registry;
        this.classifiers = classifiers;
        this.taxonomies = taxonomies;
        this.examples = examples;
        this.config = config;
        this.clock = clock;
    }

    public ClassifierStatus status() {
        int version = taxonomies.latest().taxonomy().version();
        List<TextModelVersion> versions = registry.list(version, LISTED).stream().map(ModelRegistry.Stored::version).toList();
        TextModelVersion active = versions.stream().filter(TextModelVersion::active).findFirst()
                .or(() -> registry.active(version).map(ModelRegistry.Stored::version)).orElse(null);
        return new ClassifierStatus(version, active, active == null || !active.held(), config.retrainAfterLabels(),
                examples.stamp().count(), config.reviewThreshold(), versions);
    }

    /**
     * An admin makes a model of the newest taxonomy version active and holds it: models trained after it are kept
     * but wait for an admin. Defections already classified keep their causes (a backfill re-classifies months).
     */
    public ClassifierStatus hold(long modelId, String who, String note) {
        int version = taxonomies.latest().taxonomy().version();
        TextModelVersion model = registry.find(modelId).map(ModelRegistry.Stored::version)
                .orElseThrow(() -> new NotFound("text model", modelId));
        if (model.taxonomyVersion() != version) {
            throw new InvalidInput("/modelId", "newest-taxonomy-version", "text model " + modelId + " belongs to taxonomy v"
                    + model.taxonomyVersion() + "; only the newest version's (v" + version + ") can be activated");
        }
        if (!model.loadable()) {
            throw new Conflict("text model " + modelId + " cannot be loaded by this release: its stored form was pruned "
                    + "(only the newest " + ModelRegistry.KEEP_STORED + " keep theirs) or it learned from another "
                    + "release's corpus");
        }
        registry.activate(modelId, version, who, true, note, clock.instant());
        classifiers.reload(version);
        return status();
    }

    /**
     * Ends an admin's hold: the newest loadable model becomes active, and models trained after new labels become
     * active by themselves again.
     */
    public ClassifierStatus automatic(String who, String note) {
        int version = taxonomies.latest().taxonomy().version();
        registry.release(version);
        registry.list(version, LISTED).stream().map(ModelRegistry.Stored::version).filter(TextModelVersion::loadable)
                .findFirst().ifPresent(newest -> {
                    if (!newest.active()) {
                        registry.activate(newest.id(), version, who, false, note, clock.instant());
                        classifiers.reload(version);
                    }
                });
        return status();
    }
}
