package io.lossreview.scheduler.actions;

import io.lossreview.common.error.DependencyUnavailable;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.scheduler.analyzer.AnalyzerGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;

/**
 * An action is aimed at a cause of the reason taxonomy, which defection-analyzer owns: any version's
 * cause counts (a review may decide on a cause of a month still classified under an older version).
 * Asked at each creation, so a cause added a minute ago is accepted at once.
 */
@ApplicationScoped
public class ActionCauses {

    private final AnalyzerGateway analyzer;

    public ActionCauses(AnalyzerGateway analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The cause's code as stored (upper case).
     *
     * @throws InvalidInput when no taxonomy version has that cause
     * @throws DependencyUnavailable when the analyzer cannot say: nothing is created unchecked
     */
    public String require(String cause) {
        String code = cause.strip().toUpperCase(Locale.ROOT);
        Set<String> known;
        try {
            known = analyzer.causeCodes();
        } catch (RuntimeException e) {
            throw new DependencyUnavailable("The action was not created: its cause could not be checked, because "
                    + "defection-analyzer did not answer (" + e.getClass().getSimpleName() + "). Try again.", e);
        }
        if (!known.contains(code)) {
            throw new InvalidInput("cause", "taxonomy", "cause must be a cause code of the reason taxonomy ("
                    + String.join(", ", known) + "), got " + code);
        }
        return code;
    }
}
