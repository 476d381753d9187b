package io.lossreview.common.identity;

import io.lossreview.common.problem.ProblemException;

/**
 * Who is calling an internal service. The api-gateway authenticates people and forwards their
 * name in {@link #HEADER}, so services can record who changed what.
 */
public final class Caller {

    public static final String HEADER = "X-Loss-Review-User";

    private Caller() {
    }

    /** The caller's name, required for changes that must say who made them. */
    public static String required(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            throw ProblemException.invalid(HEADER, "required", "header " + HEADER + " must name who makes this change");
        }
        if (headerValue.length() > 200) {
            throw ProblemException.invalid(HEADER, "max-length", "header " + HEADER + " is longer than 200 characters");
        }
        return headerValue.strip();
    }
}
