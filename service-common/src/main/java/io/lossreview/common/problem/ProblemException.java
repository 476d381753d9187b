package io.lossreview.common.problem;

import java.util.List;

/** Thrown by services for a problem the caller caused or must know about; mapped to problem+json. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.problem = new Problem(type.uri(), type.title(), type.status(), detail, null, List.copyOf(violations));
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(ProblemType.VALIDATION, message,
                List.of(new Problem.Violation(field, rule, message)));
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new ProblemException(ProblemType.VALIDATION, detail, violations);
    }

    public Problem problem() {
        return problem;
    }
}
