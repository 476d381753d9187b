package io.lossreview.analyzer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** defection-analyzer's rules; every one has a default and an env override (see README). */
@ConfigMapping(prefix = "analyzer")
public interface AnalyzerConfig {

    /** Classifications less confident than this go to the review queue. */
    @WithDefault("0.6")
    double reviewThreshold();

    /**
     * The text model is trained again once people labelled this many texts since it was last trained (each label
     * counts at once for that very text through the labelled-example index; the model generalises it to others).
     */
    @WithDefault("10")
    int retrainAfterLabels();

    /**
     * A directory where text models are kept as files by the fingerprint of their training rows, or empty for none.
     * Training is deterministic, so a model trained from the same rows is the same model: a fresh database (a test
     * run, a local demo) loads it instead of training it again. Production keeps its models in the database.
     */
    Optional<Path> modelCache();

    /** Emerging causes: months of history the baseline is averaged over. */
    @WithDefault("6")
    int baselineMonths();

    /** Emerging causes: a count must be significantly above baseline at this level. */
    @WithDefault("0.05")
    double significance();

    /** Emerging causes: fewer losses than this are never flagged, however unusual. */
    @WithDefault("5")
    int minimumCount();

    /** How often changed months are announced on loss.analysis (coalesced). */
    @WithDefault("5s")
    Duration publishInterval();

    /** Consumers sharing loss.defections' partitions (more than its 6 would idle). */
    @WithDefault("2")
    int defectionConsumers();
}
