package io.lossreview.analyzer.classify.learned;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.SolverType;
import io.lossreview.analyzer.classify.ClassificationInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The learned text scorer: logistic regression, each cause against the rest (LibLinear's L2-regularised LR through
 * Tribuo, the causes fitted side by side by {@link OneAgainstTheRestTrainer}) on {@link TextFeatures}, with each
 * cause weighted by the inverse of its share of the training rows, so a rare cause
 * (a payment lapse) is not drowned by the common ones. Its outputs are probabilities: the confidence of a verdict.
 * Immutable and thread-safe after training.
 */
public final class TextModel {

    /** A training row: the features of one defection and the cause people gave it. */
    public record Labelled(Map<String, Double> features, String cause) {
    }

    /**
     * How strongly the weights are held back (LibLinear's C: larger fits the training rows closer). Chosen by 5-fold
     * cross-validation on the training split, by row and by writing round (docs/classifier.md): 8, chosen on the
     * first 6,240 rows, held the model back too hard once it had four times as many.
     */
    public static final double DEFAULT_COST = 128.0;
    private static final int MAX_ITERATIONS = 1000;
    /**
     * A feature in fewer training rows than this is left out: one row's odd n-gram teaches nothing that carries to
     * another text, and most of a text model's features are such n-grams (they made it large and slow to train).
     * A person's label counts as several rows, so their words always stay.
     */
    static final int MIN_ROWS = 2;
    /**
     * When LibLinear's solver stops (its own default for this solver). 0.001 gave the same cross-validated accuracy
     * (83.5 against 83.6 %, 26,033 rows) and took half as long again to train (81 against 55 s).
     */
    private static final double TOLERANCE = 0.01;
    private static final LabelFactory LABELS = new LabelFactory();
    /** The stored form's first four bytes ("LRTM") and its version: a form this release cannot read is retrained. */
    static final int MAGIC = 0x4C52544D;
    static final int FORM = 3;
    /**
     * What reading the stored weights may build: LibLinear's model, its solver type and arrays of numbers, nothing else
     * (no other class is ever instantiated from stored bytes), in a stream at most a few objects deep.
     */
    private static final ObjectInputFilter ONLY_WEIGHTS = info -> {
        if (info.depth() > 3 || info.references() > 32 || info.arrayLength() > 200_000_000) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED; // a check of the limits above only
        }
        return type == de.bwaldvogel.liblinear.Model.class || type == SolverType.class || type == Enum.class
                || type == double[].class || type == int[].class
                ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    /**
     * Tribuo's model until its stored form is made, then dropped: scoring needs only the weights and the index, and
     * Tribuo's feature map (every feature's name and a histogram of its values) is about 100 MB at 20,000 rows.
     */
    private Model<Label> unsaved;
    private final Set<String> causes;
    /** LibLinear's weights, scored directly (Tribuo's predict looks each name up in a HashMap and sorts them). */
    private final de.bwaldvogel.liblinear.Model weights;
    private final FeatureIndex index;
    /** LibLinear's bias feature: Tribuo appends it after the model's features to every example. */
    private final int biasIndex;
    /** The cause of each of LibLinear's classes, in its order. */
    private final String[] causeOfClass;

    /** Its stored form, made once: the cache and the registry both keep it. */
    private byte[] bytes;

    private TextModel(String[] causeOfClass, String[] names, de.bwaldvogel.liblinear.Model weights,
                      Model<Label> unsaved, byte[] bytes) {
        this.causeOfClass = causeOfClass;
        this.causes = new TreeSet<>(Arrays.asList(causeOfClass));
        this.weights = weights;
        this.index = new FeatureIndex(names);
        this.biasIndex = names.length + 1;
        this.unsaved = unsaved;
        this.bytes = bytes;
    }

    /** The model Tribuo trained: its LibLinear weights, its features' names in id order, its classes' causes. */
    private static TextModel of(Model<Label> trained) {
        ImmutableFeatureMap features = trained.getFeatureIDMap();
        String[] names = new String[features.size()];
        for (int id = 0; id < names.length; id++) {
            names[id] = features.get(id).getName();
        }
        de.bwaldvogel.liblinear.Model weights = ((LibLinearClassificationModel) trained).getInnerModels().get(0);
        int[] labels = weights.getLabels();
        String[] causeOfClass = new String[labels.length];
        for (int c = 0; c < labels.length; c++) {
            causeOfClass[c] = trained.getOutputIDInfo().getOutput(labels[c]).getLabel();
        }
        return new TextModel(causeOfClass, names, weights, trained, null);
    }

    /** Trains on the rows; the same rows in the same order always give the same model (LibLinear is deterministic). */
    public static TextModel train(Collection<Labelled> rows, double cost, String description) {
        return train(rows, description, new OneAgainstTheRestTrainer(cost, MAX_ITERATIONS, TOLERANCE));
    }

    /** LibLinear's own trainer, its classes fitted one after the other: what {@link OneAgainstTheRestTrainer} must equal. */
    static LibLinearClassificationTrainer classesInTurn(double cost) {
        return new LibLinearClassificationTrainer(new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR),
                cost, MAX_ITERATIONS, TOLERANCE);
    }

    static TextModel train(Collection<Labelled> rows, String description, LibLinearClassificationTrainer trainer) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a text model needs training rows");
        }
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS), LABELS);
        Map<String, Integer> perCause = new HashMap<>();
        Map<String, Integer> rowsWith = new HashMap<>();
        rows.forEach(row -> row.features().keySet().forEach(f -> rowsWith.merge(f, 1, Integer::sum)));
        for (Labelled row : rows) {
            Map<String, Double> kept = new HashMap<>();
            row.features().forEach((f, v) -> {
                if (rowsWith.get(f) >= MIN_ROWS) {
                    kept.put(f, v);
                }
            });
            data.add(example(new Label(row.cause()), kept));
            perCause.merge(row.cause(), 1, Integer::sum);
        }
        Map<Label, Float> weights = new HashMap<>();
        double average = (double) rows.size() / perCause.size();
        perCause.forEach((cause, n) -> weights.put(new Label(cause), (float) (average / n)));
        trainer.setLabelWeights(weights);
        return of(trainer.train(data));
    }

    /**
     * What besides its rows decides a trained model: the settings, the library and the stored form. With the rows'
     * fingerprint it names a model file in the {@link ModelCache}, so a changed setting, a library upgrade or another
     * stored form never reads an old model.
     */
    public static String settings(double cost) {
        return "C" + cost + "-min" + MIN_ROWS + "-tol" + TOLERANCE + "-it" + MAX_ITERATIONS + "-tribuo" + Tribuo.VERSION
                + "-classes-apart-form" + FORM;
    }

    /**
     * The stored form, gzipped: a header ({@link #MAGIC}, {@link #FORM}), each LibLinear class's cause, the features'
     * names in id order, then LibLinear's model object (its weights as they are, read back under {@link #ONLY_WEIGHTS}).
     * What the model registry stores; not to be modified. Tribuo's protobuf form held its whole feature map (every
     * feature's value histogram): reading it took about three seconds of the analyzer's start-up; LibLinear's own text
     * form, half a second parsing a million numbers; this, a tenth of that.
     */
    public synchronized byte[] bytes() {
        if (bytes == null) {
            ImmutableFeatureMap features = unsaved.getFeatureIDMap();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
                data.writeInt(MAGIC);
                data.writeInt(FORM);
                data.writeInt(causeOfClass.length);
                for (String cause : causeOfClass) {
                    data.writeUTF(cause);
                }
                data.writeInt(features.size());
                for (int id = 0; id < features.size(); id++) {
                    data.writeUTF(features.get(id).getName());
                }
                ObjectOutputStream object = new ObjectOutputStream(data);
                object.writeObject(weights);
                object.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("a model in memory could not be written", e);
            }
            bytes = out.toByteArray();
            unsaved = null;
        }
        return bytes;
    }

    /**
     * A model from {@link #bytes()}: names, numbers and LibLinear's model, nothing else (see {@link #ONLY_WEIGHTS}).
     *
     * @throws IllegalArgumentException when the bytes are not a stored model of this form
     */
    public static TextModel fromBytes(byte[] bytes) {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            if (data.readInt() != MAGIC || data.readInt() != FORM) {
                throw new IllegalArgumentException("not a text model in the stored form " + FORM);
            }
            String[] causeOfClass = new String[data.readInt()];
            for (int c = 0; c < causeOfClass.length; c++) {
                causeOfClass[c] = data.readUTF();
            }
            String[] names = new String[data.readInt()];
            for (int id = 0; id < names.length; id++) {
                names[id] = data.readUTF();
            }
            ObjectInputStream object = new ObjectInputStream(data);
            object.setObjectInputFilter(ONLY_WEIGHTS);
            if (!(object.readObject() instanceof de.bwaldvogel.liblinear.Model weights)) {
                throw new IllegalArgumentException("the stored weights are not LibLinear's model");
            }
            if (weights.getSolverType() != SolverType.L2R_LR || weights.getNrClass() != causeOfClass.length
                    || weights.getNrFeature() != names.length) {
                throw new IllegalArgumentException("the stored weights do not fit the stored causes and features");
            }
            return new TextModel(causeOfClass, names, weights, null, bytes);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new IllegalArgumentException("the stored text model is unreadable: " + e.getMessage(), e);
        }
    }

    /** The causes it can answer: those it was trained on. */
    public Set<String> causes() {
        return causes;
    }

    /**
     * Probability per cause, highest first; they add up to 1 over {@link #causes()}. The same numbers as Tribuo's
     * {@code predict} ({@code TextModelScoringTest}): the model's features as LibLinear's nodes plus its bias node,
     * scored by LibLinear itself.
     */
    public Map<String, Double> probabilities(Map<String, Double> features) {
        List<Feature> nodes = new ArrayList<>(features.size() + 1);
        features.forEach((name, value) -> {
            int id = index.id(name);
            if (id >= 0) {
                nodes.add(new FeatureNode(id + 1, value));
            }
        });
        nodes.add(new FeatureNode(biasIndex, 1.0));
        double[] p = new double[causeOfClass.length];
        Linear.predictProbability(weights, nodes.toArray(new Feature[0]), p);
        Integer[] order = new Integer[p.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int c : order) {
            scores.put(causeOfClass[c], p[c]);
        }
        return scores;
    }

    /**
     * Tribuo's own prediction: what {@link #probabilities(Map)} must equal. For tests, on a model just trained (before
     * its stored form is made, Tribuo's model is dropped).
     */
    Function<Map<String, Double>, Map<String, Double>> tribuoScorer() {
        Model<Label> model = unsaved;
        if (model == null) {
            throw new IllegalStateException("Tribuo's model is kept only until the stored form is made");
        }
        return features -> {
            Prediction<Label> p = model.predict(example(LABELS.getUnknownOutput(), features));
            Map<String, Double> scores = new LinkedHashMap<>();
            p.getOutputScores().values().stream().sorted((a, b) -> Double.compare(b.getScore(), a.getScore()))
                    .forEach(l -> scores.put(l.getLabel(), l.getScore()));
            return scores;
        };
    }

    /**
     * Does the input hold any word this model learned from or whose meaning it knows (a word vector)? A text made
     * only of words it has never met says nothing to it, however confident its prior would sound.
     */
    public boolean readsAnyWordOf(ClassificationInput input) {
        for (String text : new String[] {input.billingComment(), input.statedReason()}) {
            for (String w : TextFeatures.words(text)) {
                if (index.id("w=" + w) >= 0 || WordVectors.english().knows(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The probabilities for one defection's input. */
    public Map<String, Double> probabilities(ClassificationInput input, Map<String, Double> ruleStrength) {
        return probabilities(TextFeatures.of(input, ruleStrength));
    }

    private static Example<Label> example(Label label, Map<String, Double> features) {
        List<Map.Entry<String, Double>> entries = List.copyOf(features.entrySet());
        String[] names = new String[entries.size()];
        double[] values = new double[entries.size()];
        for (int i = 0; i < names.length; i++) {
            // Interned: thousands of rows share a vocabulary of names, and one copy each keeps training in a small heap.
            names[i] = entries.get(i).getKey().intern();
            values[i] = entries.get(i).getValue();
        }
        return new ArrayExample<>(label, names, values);
    }
}
