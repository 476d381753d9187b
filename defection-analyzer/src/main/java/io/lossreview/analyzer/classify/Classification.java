package io.lossreview.analyzer.classify;

import io.lossreview.contracts.analysis.view.Evidence;
import java.util.List;

/**
 * The classifier's verdict.
 *
 * @param primaryCause   taxonomy cause code
 * @param secondaryCause the runner-up when it carried real weight, else null
 * @param confidence     0..1, three decimals; below the review threshold (0.6 by default) a human should look
 * @param evidence       what decided it, strongest first
 */
public record Classification(String primaryCause, String secondaryCause, double confidence, List<Evidence> evidence) {

    public Classification {
        evidence = List.copyOf(evidence);
    }
}
