package io.lossreview.gateway.web;

import io.lossreview.gateway.routes.AnalysisRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** The current taxonomy's causes (code, label, ...) for a form's cause picker; none when unreadable. */
@ApplicationScoped
public class CauseChoices {

    private final PageCalls calls;
    private final AnalysisRoutes analysis;

    public CauseChoices(PageCalls calls, AnalysisRoutes analysis) {
        this.calls = calls;
        this.analysis = analysis;
    }

    public Object current() {
        Loaded taxonomy = calls.load(analysis::taxonomy);
        Object causes = ((Map<?, ?>) taxonomy.map().getOrDefault("taxonomy", Map.of())).get("causes");
        return causes == null ? List.of() : causes;
    }
}
