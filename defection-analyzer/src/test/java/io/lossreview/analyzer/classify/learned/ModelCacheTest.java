package io.lossreview.analyzer.classify.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached model is the model training would give; a broken file costs a training, never a model. */
class ModelCacheTest {

    private static final List<TextModel.Labelled> ROWS = List.of(
            new TextModel.Labelled(Map.of("w=steep", 1.0, "bias", 1.0), "PRICE"),
            new TextModel.Labelled(Map.of("w=steep", 1.0, "w=renewal", 1.0, "bias", 1.0), "PRICE"),
            new TextModel.Labelled(Map.of("w=crashes", 1.0, "bias", 1.0), "PRODUCT_QUALITY"),
            new TextModel.Labelled(Map.of("w=crashes", 1.0, "w=renewal", 1.0, "bias", 1.0), "PRODUCT_QUALITY"));
    private static final Map<String, Double> QUESTION = Map.of("w=steep", 1.0, "bias", 1.0);

    @Test
    void theSecondFreshStartReadsTheModelTheFirstTrained(@TempDir Path dir) {
        AtomicInteger trainings = new AtomicInteger();
        Supplier<TextModel> training = () -> {
            trainings.incrementAndGet();
            return TextModel.train(ROWS, TextModel.DEFAULT_COST, "cache test");
        };
        TextModel first = new ModelCache(Optional.of(dir)).model("rows-a", training);
        TextModel second = new ModelCache(Optional.of(dir)).model("rows-a", training);
        assertEquals(1, trainings.get());
        assertEquals(first.probabilities(QUESTION), second.probabilities(QUESTION));
        new ModelCache(Optional.of(dir)).model("rows-b", training);
        assertEquals(2, trainings.get(), "other rows are another model");
    }

    @Test
    void anUnreadableFileIsTrainedAgainAndReplaced(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rows-a.model.gz"), "not a model");
        AtomicInteger trainings = new AtomicInteger();
        Supplier<TextModel> training = () -> {
            trainings.incrementAndGet();
            return TextModel.train(ROWS, TextModel.DEFAULT_COST, "cache test");
        };
        TextModel trained = new ModelCache(Optional.of(dir)).model("rows-a", training);
        assertEquals("PRICE", trained.probabilities(QUESTION).keySet().iterator().next());
        new ModelCache(Optional.of(dir)).model("rows-a", training);
        assertEquals(1, trainings.get(), "the broken file was replaced by the trained model");
    }

    @Test
    void withoutADirectoryEveryModelIsTrained() {
        TextModel model = TextModel.train(ROWS, TextModel.DEFAULT_COST, "cache test");
        assertSame(model, new ModelCache(Optional.empty()).model("rows-a", () -> model));
    }
}
