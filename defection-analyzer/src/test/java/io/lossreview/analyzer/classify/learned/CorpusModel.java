package io.lossreview.analyzer.classify.learned;

import io.lossreview.analyzer.taxonomy.Taxonomy;
import java.util.List;

/**
 * The model trained on the whole training split and nothing else, trained once per test run and shared by the
 * tests that measure it (training takes a while; the model is deterministic, so sharing changes no result).
 */
public final class CorpusModel {

    private static TextModel model;

    private CorpusModel() {
    }

    public static synchronized TextModel trained() {
        if (model == null) {
            model = ModelTraining.train(Corpus.rows(Corpus.Split.TRAIN), List.of(), Taxonomy.defaults(),
                    TextModel.DEFAULT_COST, "all of the training split");
        }
        return model;
    }
}
