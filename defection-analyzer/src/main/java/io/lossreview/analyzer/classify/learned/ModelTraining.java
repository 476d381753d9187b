package io.lossreview.analyzer.classify.learned;

import io.lossreview.analyzer.classify.Classification;
import io.lossreview.analyzer.classify.ClassificationInput;
import io.lossreview.analyzer.classify.Classifier;
import io.lossreview.analyzer.classify.LabelledExample;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import io.lossreview.contracts.analysis.view.TextModelVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Trains the text model and measures the whole classifier (rules, model and their combination) honestly:
 * k-fold cross-validation on the training rows, or a score on rows it never saw.
 */
public final class ModelTraining {

    /**
     * A person's label on this company's own defections counts as this many corpus rows: it is about the words this
     * company's customers and account managers really use, which no written corpus knows. Five was enough at 15,000
     * corpus rows; at 20,000 one label no longer taught most similar phrasings (ClassifierModelsTest).
     */
    static final int PEOPLE_WEIGHT = 10;

    private ModelTraining() {
    }

    /**
     * The corpus voice whose texts give no usable reason: there a code may be the only hint of the cause, so its rows
     * get no copy without their codes.
     */
    static final String NO_REASON_VOICE = "no-reason";

    /**
     * What the model learns from: the corpus' training rows, then what people labelled (their label wins on a tie).
     * A row with a reason code is learned twice, the second time without its codes: the corpus' labels follow the
     * text, and pick-list codes are often careless, so the text's own words must carry the cause and a code that
     * contradicts a clear text must not outweigh it. Chosen on the training side (5-fold cross-validation 84.0 % →
     * 84.8 %, every language up; the simulator's customers of seeds 100,001+ 98.3 % → 98.6 %; docs/classifier.md).
     */
    public static List<TextModel.Labelled> labelled(List<Corpus.Row> rows, Collection<LabelledExample> people,
                                                    Classifier rules) {
        List<TextModel.Labelled> labelled = new ArrayList<>(rows.size() + people.size());
        Map<String, String> names = new HashMap<>();
        for (Corpus.Row row : rows) {
            labelled.add(labelled(row.input(), row.expected(), rules, names));
            if (hasCode(row.input()) && !NO_REASON_VOICE.equals(row.voice())) {
                labelled.add(labelled(withoutCodes(row.input()), row.expected(), rules, names));
            }
        }
        for (LabelledExample e : people) {
            TextModel.Labelled row = labelled(new ClassificationInput(null, null, null, e.text(), null, true), e.cause(),
                    rules, names);
            for (int i = 0; i < PEOPLE_WEIGHT; i++) {
                labelled.add(row);
            }
        }
        return labelled;
    }

    private static TextModel.Labelled labelled(ClassificationInput input, String cause, Classifier rules,
                                               Map<String, String> names) {
        return new TextModel.Labelled(CompactFeatures.of(TextFeatures.of(input, rules.ruleStrength(input)), names), cause);
    }

    private static boolean hasCode(ClassificationInput input) {
        return input.billingReasonCode() != null && !input.billingReasonCode().isBlank()
                || input.crmReasonCode() != null && !input.crmReasonCode().isBlank();
    }

    private static ClassificationInput withoutCodes(ClassificationInput input) {
        return new ClassificationInput(null, input.billingComment(), null, input.statedReason(), input.competitor(),
                input.voluntary());
    }

    /** Trains on the corpus' training rows and the people's examples; a classifier of the rules alone scores the rules. */
    public static TextModel train(List<Corpus.Row> rows, Collection<LabelledExample> people, Taxonomy taxonomy,
                                  double cost, String description) {
        Classifier rules = new Classifier(taxonomy, List.of());
        return TextModel.train(labelled(rows, people, rules), cost, description);
    }

    /** Each row's cause and the classification a model that never saw it gave. */
    public record OutOfFold(List<String> expected, List<Classification> actual) {
        public ModelMetrics metrics(double reviewThreshold) {
            return ModelMetrics.of(expected, actual, reviewThreshold);
        }
    }

    /**
     * k-fold cross-validation: each row is classified by a model trained on the other folds (a row's fold is the hash
     * of its id, so the folds never change). The folds train in parallel (and each fold's causes side by side), and their
     * answers are gathered in fold order, so the result does not depend on the number of cores.
     */
    public static OutOfFold crossValidate(List<Corpus.Row> rows, Taxonomy taxonomy, int folds, double cost) {
        List<OutOfFold> perFold = IntStream.range(0, folds).parallel().mapToObj(fold -> {
            List<Corpus.Row> training = new ArrayList<>();
            List<Corpus.Row> testing = new ArrayList<>();
            for (Corpus.Row row : rows) {
                (fold(row.id(), folds) == fold ? testing : training).add(row);
            }
            TextModel model = train(training, List.of(), taxonomy, cost, "cross-validation fold " + fold);
            Classifier classifier = new Classifier(taxonomy, List.of(), model, "fold " + fold);
            List<String> expected = new ArrayList<>();
            List<Classification> actual = new ArrayList<>();
            for (Corpus.Row row : testing) {
                expected.add(row.expected());
                actual.add(classifier.classify(row.input()));
            }
            return new OutOfFold(expected, actual);
        }).toList();
        List<String> expected = new ArrayList<>();
        List<Classification> actual = new ArrayList<>();
        perFold.forEach(f -> {
            expected.addAll(f.expected());
            actual.addAll(f.actual());
        });
        return new OutOfFold(expected, actual);
    }

    /** The classifier on labelled rows it never learned from. */
    public static ModelMetrics evaluate(Classifier classifier, List<Corpus.Row> rows, double reviewThreshold) {
        List<String> expected = new ArrayList<>();
        List<Classification> actual = new ArrayList<>();
        for (Corpus.Row row : rows) {
            expected.add(row.expected());
            actual.add(classifier.classify(row.input()));
        }
        return ModelMetrics.of(expected, actual, reviewThreshold);
    }

    /** The whole classifier on each language's held-out rows: what {@code GET /classifier} shows of a model. */
    public static Map<String, TextModelVersion.HeldOutScore> heldOut(Classifier classifier, double reviewThreshold) {
        Map<String, TextModelVersion.HeldOutScore> scores = new TreeMap<>();
        for (String language : Corpus.LANGUAGES) {
            ModelMetrics m = evaluate(classifier, Corpus.rows(Corpus.Split.HELD_OUT, language), reviewThreshold);
            scores.put(language, new TextModelVersion.HeldOutScore(m.rows(), round(m.accuracy()), round(m.macroF1()),
                    round(m.reviewShare())));
        }
        return scores;
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }

    /**
     * Identifies this release's corpus, feature code and stored form: the training split's rows, the features of some
     * of them and {@link TextModel#FORM}. A stored model whose fingerprint differs learned from other rows or other
     * features, or was stored in a form this release does not read, so this release trains its own instead.
     */
    public static String releaseFingerprint() {
        return Release.FINGERPRINT;
    }

    /** Computed once, on first use (reading the corpus takes a moment). */
    private static final class Release {
        static final String FINGERPRINT = compute();

        /** The training files' bytes, not their parsed rows: read at every start, it has to be quick. */
        private static String compute() {
            MessageDigest digest = sha256();
            Corpus.LANGUAGES.forEach(language -> digest.update(Corpus.bytes(Corpus.Split.TRAIN, language)));
            StringBuilder features = new StringBuilder();
            Corpus.rows(Corpus.Split.TRAIN, Corpus.LANGUAGES.get(0), 50)
                    .forEach(r -> features.append(new TreeMap<>(TextFeatures.of(r.input(), Map.of()))));
            features.append("stored form ").append(TextModel.FORM); // a model stored in another form is not read
            digest.update(features.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        }
    }

    static int fold(String id, int folds) {
        return Byte.toUnsignedInt(sha256(id)[1]) % folds;
    }

    /**
     * A short fingerprint of training data: the same rows (feature names and values) and labels in the same order give
     * the same one.
     */
    public static String fingerprint(List<TextModel.Labelled> rows) {
        // Digested row by row: the rows' feature names together are far too large to hold as one string.
        MessageDigest digest = sha256();
        for (TextModel.Labelled r : rows) {
            digest.update(r.cause().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 1);
            r.features().forEach((feature, value) -> {
                digest.update(feature.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 3);
                long bits = Double.doubleToLongBits(value);
                for (int shift = 0; shift < 64; shift += 8) {
                    digest.update((byte) (bits >>> shift));
                }
            });
            digest.update((byte) 2);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static byte[] sha256(String text) {
        return sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
