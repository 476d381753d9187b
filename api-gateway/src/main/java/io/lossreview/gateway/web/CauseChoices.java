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

    /** Code → label of the current taxonomy's causes; a cause it does not have keeps its code. */
    public Map<String, String> labels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (Object c : (List<?>) current()) {
            Map<?, ?> cause = (Map<?, ?>) c;
            labels.put(String.valueOf(cause.get("code")), String.valueOf(cause.get("label")));
        }
        return labels;
    }
}
