package io.lossreview.analyzer.classify.learned;

import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

/**
 * Tribuo's LibLinear trainer with LibLinear's one-against-the-rest classes trained side by side instead of one after
 * the other. LibLinear's L2-regularised logistic regression fits a separate binary model per class: the class's rows
 * against all the others, the class's rows weighted, the others not. Those fits share nothing, and nine tenths of a
 * training's time is spent in them (a JFR profile), so on two cores a training takes a little over half as long. Each
 * class is fitted by LibLinear itself, as a two-class problem with the same costs ({@link #binary}); only the order in
 * which LibLinear sums over the rows differs from its own multi-class loop. Its solver stops at a tolerance, and where
 * depends on that order, so the model agrees with LibLinear's own as closely as LibLinear's own agrees with itself on
 * the same rows in another order, not to the last digit ({@code OneAgainstTheRestTrainerTest}).
 */
final class OneAgainstTheRestTrainer extends LibLinearClassificationTrainer {

    private static final double POSITIVE = +1;
    private static final double NEGATIVE = -1;

    OneAgainstTheRestTrainer(double cost, int maxIterations, double tolerance) {
        super(new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, maxIterations, tolerance);
    }

    /** As Tribuo's: one LibLinear model over all the classes, its rows {@code x}, its labels {@code y[0]}, a bias. */
    @Override
    protected List<Model> trainModels(Parameter parameters, int features, FeatureNode[][] x, double[][] y) {
        int[] labels = labelsInOrderOfAppearance(y[0]);
        if (labels.length <= 2) {
            return super.trainModels(parameters, features, x, y); // LibLinear fits a single model for two classes
        }
        double[][] weights = IntStream.range(0, labels.length).parallel()
                .mapToObj(c -> binary(parameters, features, x, y[0], labels[c]).getFeatureWeights())
                .toArray(double[][]::new);
        return List.of(combined(labels, features, weights));
    }

    /** LibLinear numbers its classes in the order their first rows come: the same order here. */
    private static int[] labelsInOrderOfAppearance(double[] y) {
        Set<Integer> seen = new LinkedHashSet<>();
        for (double label : y) {
            seen.add((int) label);
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * One class against the rest, as LibLinear's multi-class loop poses it: the class's rows cost C times the class's
     * weight, every other row C. As a two-class problem LibLinear puts the positive class first and weighs each label
     * by its own weight, so the positive label gets the class's weight and the negative one 1.
     */
    private static Model binary(Parameter parameters, int features, FeatureNode[][] x, double[] y, int label) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = features;
        problem.x = x; // LibLinear only reads the rows: every class's fit shares them
        problem.bias = 1.0;
        problem.y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            problem.y[i] = (int) y[i] == label ? POSITIVE : NEGATIVE;
        }
        Parameter one = new Parameter(parameters.getSolverType(), parameters.getC(), parameters.getMaxIters(),
                parameters.getEps());
        one.setWeights(new double[] {weightOf(parameters, label), 1.0}, new int[] {(int) POSITIVE, (int) NEGATIVE});
        return Linear.train(problem, one);
    }

    private static double weightOf(Parameter parameters, int label) {
        int[] labels = parameters.getWeightLabels();
        double[] weights = parameters.getWeights();
        for (int i = 0; i < parameters.getNumWeights(); i++) {
            if (labels[i] == label) {
                return weights[i];
            }
        }
        return 1.0;
    }

    /**
     * The classes' weights as one multi-class model, in LibLinear's own layout: a row per feature (the bias last), a
     * column per class. LibLinear's model has no public constructor, so it is read from its text form; Java's shortest
     * form of each double reads back as exactly the same double.
     */
    private static Model combined(int[] labels, int features, double[][] weights) {
        StringBuilder text = new StringBuilder(features * labels.length * 12);
        text.append("solver_type L2R_LR\nnr_class ").append(labels.length).append("\nlabel");
        for (int label : labels) {
            text.append(' ').append(label);
        }
        // Tribuo's problem counts the bias among its features; LibLinear's model does not.
        text.append("\nnr_feature ").append(features - 1).append("\nbias 1.0\nw\n");
        for (int f = 0; f < features; f++) {
            for (double[] w : weights) {
                text.append(w[f]).append(' ');
            }
            text.append('\n');
        }
        try {
            return Linear.loadModel(new StringReader(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("LibLinear could not read the weights it fitted", e);
        }
    }
}
