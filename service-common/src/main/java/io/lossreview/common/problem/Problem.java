package io.lossreview.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URN per kind of problem, so clients can
 * branch on it; {@code violations} names every offending field and the rule it broke.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One broken rule: {@code field} is a JSON pointer or a parameter name. */
    public record Violation(String field, String rule, String message) {
    }

    /** A problem of a type, with no field named. */
    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, List.of());
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations);
    }
}
