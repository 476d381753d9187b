package io.lossreview.analyzer.classify.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lossreview.analyzer.classify.Classifier;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The text model scores with LibLinear's weights directly, for speed, and is stored in its own compact form; its
 * probabilities must be Tribuo's own, in the same order, before and after the stored form is read back, on every
 * held-out row of every language (words it knows, words it never met, codes, empty texts). Tribuo's model exists only
 * right after training, so this trains its own on every sixth training row (a few seconds).
 */
class TextModelScoringTest {

    private static TextModel trained;
    private static Function<Map<String, Double>, Map<String, Double>> tribuoScorer;
    private static TextModel read;

    @BeforeAll
    static void trainStoreAndRead() {
        List<TextModel.Labelled> all = ModelTraining.labelled(Corpus.rows(Corpus.Split.TRAIN), List.of(),
                new Classifier(Taxonomy.defaults(), List.of()));
        List<TextModel.Labelled> sixth = IntStream.range(0, all.size()).filter(i -> i % 6 == 0).mapToObj(all::get).toList();
        trained = TextModel.train(sixth, TextModel.DEFAULT_COST, "every sixth training row");
        tribuoScorer = trained.tribuoScorer();
        read = TextModel.fromBytes(trained.bytes());
    }

    @Test
    void scoresExactlyAsTribuoPredictsBeforeAndAfterItIsStored() {
        Classifier rules = new Classifier(Taxonomy.defaults(), List.of());
        List<Corpus.Row> rows = Corpus.rows(Corpus.Split.HELD_OUT);
        assertFalse(rows.isEmpty());
        for (Corpus.Row row : rows) {
            Map<String, Double> features = TextFeatures.of(row.input(), rules.ruleStrength(row.input()));
            Map<String, Double> tribuo = tribuoScorer.apply(features);
            Map<String, Double> direct = trained.probabilities(features);
            assertEquals(List.copyOf(tribuo.keySet()), List.copyOf(direct.keySet()), row.id());
            tribuo.forEach((cause, p) -> assertEquals(p, direct.get(cause), 1e-12, row.id() + " " + cause));
            assertEquals(direct, read.probabilities(features), row.id() + ": the stored form scores the same");
        }
        assertEquals(trained.causes(), read.causes());
    }

    @Test
    void aTextOfUnknownWordsGetsThePrior() {
        Map<String, Double> features = Map.of("w=zzqxv", 1.0, "c=<zzq", 1.0, "bias", 1.0);
        assertEquals(tribuoScorer.apply(features), trained.probabilities(features));
        assertEquals(trained.probabilities(features), read.probabilities(features));
    }

    @Test
    void bytesThatAreNoStoredModelAreRefused() {
        byte[] bytes = trained.bytes();
        assertThrows(IllegalArgumentException.class, () -> TextModel.fromBytes("not a model".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> TextModel.fromBytes(Arrays.copyOf(bytes, bytes.length / 2)),
                "a truncated model");
        assertThrows(IllegalStateException.class, read::tribuoScorer, "a model read back has only its weights");
    }

    @Test
    void storedBytesNeverBuildAnyOtherClass() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
            data.writeInt(TextModel.MAGIC);
            data.writeInt(TextModel.FORM);
            data.writeInt(1);
            data.writeUTF("PRICE");
            data.writeInt(1);
            data.writeUTF("w=steep");
            ObjectOutputStream object = new ObjectOutputStream(data);
            object.writeObject(new ArrayList<>(List.of("where the weights should be")));
            object.flush();
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TextModel.fromBytes(out.toByteArray()));
        assertInstanceOf(InvalidClassException.class, refused.getCause(), "the filter refused the class");
    }
}
