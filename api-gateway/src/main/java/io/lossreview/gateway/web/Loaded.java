package io.lossreview.gateway.web;

import io.lossreview.common.problem.Problem;
import java.util.List;
import java.util.Map;

/**
 * What a page got from one API call: the answer as plain maps and lists (for the templates), or the
 * problem that stopped it, which the page shows instead of that part.
 */
public record Loaded(Object data, Problem problem) {

    public boolean ok() {
        return problem == null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return data instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list() {
        return data instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** A sentence for the person: the problem's detail, with the fields it names. */
    public String error() {
        if (problem == null) {
            return null;
        }
        String detail = problem.detail() == null ? problem.title() : problem.detail();
        if (problem.violations() == null || problem.violations().isEmpty()) {
            return detail;
        }
        StringBuilder s = new StringBuilder(detail);
        for (Problem.Violation v : problem.violations()) {
            s.append(s.isEmpty() ? "" : " · ").append(v.field()).append(": ").append(v.message());
        }
        return s.toString();
    }
}
