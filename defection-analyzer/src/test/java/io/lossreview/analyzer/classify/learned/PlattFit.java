package io.lossreview.analyzer.classify.learned;

import io.lossreview.analyzer.classify.Classification;
import io.lossreview.contracts.analysis.view.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits Calibration's two constants (Platt scaling: logistic regression of "was it right" on the logit of the
 * blend's probability) by Newton's method on out-of-fold classifications the text model decided.
 */
final class PlattFit {

    private PlattFit() {
    }

    /** {slope, intercept} that fit these classifications best. */
    static double[] refit(ModelTraining.OutOfFold outOfFold) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < outOfFold.actual().size(); i++) {
            Classification c = outOfFold.actual().get(i);
            if (c.evidence().stream().anyMatch(e -> Evidence.TEXT_MODEL.equals(e.kind()))) {
                double p = Calibration.probability(c.confidence());
                points.add(new double[] {Math.log(p / (1 - p)), outOfFold.expected().get(i).equals(c.primaryCause()) ? 1 : 0});
            }
        }
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (double[] pt : points) {
                double p = 1 / (1 + Math.exp(-(a * pt[0] + b)));
                ga += (p - pt[1]) * pt[0];
                gb += p - pt[1];
                double w = p * (1 - p);
                haa += w * pt[0] * pt[0];
                hab += w * pt[0];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            a -= (hbb * ga - hab * gb) / det;
            b -= (haa * gb - hab * ga) / det;
        }
        return new double[] {a, b};
    }
}
