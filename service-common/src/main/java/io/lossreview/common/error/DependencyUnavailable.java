package io.lossreview.common.error;

/**
 * A service this one depends on did not answer, so the work was not done (and nothing half-done
 * was kept). Domain code throws it; ProblemMappers answers it as 503 once, for every service.
 */
public class DependencyUnavailable extends RuntimeException {

    public DependencyUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
