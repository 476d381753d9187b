package io.lossreview.analyzer.classify.learned;

import io.lossreview.analyzer.taxonomy.Taxonomy;
import io.lossreview.analyzer.classify.Classifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The model trained on the whole training split and nothing else, trained once per build (kept in the test profile's
 * model cache) and shared by the tests that measure it (training takes a while; the model is deterministic, so
 * sharing changes no result).
 */
public final class CorpusModel {

    private static TextModel model;

    private CorpusModel() {
    }

    public static synchronized TextModel trained() {
        if (model == null) {
            List<TextModel.Labelled> rows = ModelTraining.labelled(Corpus.rows(Corpus.Split.TRAIN), List.of(),
                    new Classifier(Taxonomy.defaults(), List.of()));
            // The same model the service's test profile trains on a fresh database: one training per build.
            model = new ModelCache(Optional.of(directory())).model(
                    ModelCache.key(ModelTraining.fingerprint(rows), TextModel.DEFAULT_COST),
                    () -> TextModel.train(rows, TextModel.DEFAULT_COST, "all of the training split"));
        }
        return model;
    }

    /** The test profile's cache ({@code %test.analyzer.model-cache}): TEXT_MODEL_CACHE, else under target. */
    private static Path directory() {
        String configured = System.getenv("TEXT_MODEL_CACHE");
        return configured == null || configured.isBlank() ? Path.of("target", "text-model-cache") : Path.of(configured);
    }
}
