package io.lossreview.common.problem;

import java.util.List;

/**
 * An HTTP problem raised at the edge (a refused role, a rate limit, a dependency's own problem passed
 * on) where the status is the point. Bad input is {@link io.lossreview.common.error.InvalidInput} and a
 * missing thing {@link io.lossreview.common.error.NotFound}, at the edge as in the domain: one way each.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.problem = new Problem(type.uri(), type.title(), type.status(), detail, null, List.copyOf(violations));
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public Problem problem() {
        return problem;
    }
}
