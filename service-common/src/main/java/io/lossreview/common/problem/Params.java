package io.lossreview.common.problem;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parses path and query parameters, answering nonsense with a 400 that names the parameter and rule. */
public final class Params {

    private Params() {
    }

    /** A month as yyyy-MM, e.g. 2026-03. */
    public static YearMonth month(String name, String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}")) {
            throw ProblemException.invalid(name, "yyyy-MM", name + " must be a month as yyyy-MM, got '" + value + "'");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "yyyy-MM", name + " is not a calendar month: '" + value + "'");
        }
    }

    public static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid(name, "uuid", name + " must be a UUID, got '" + value + "'");
        }
    }

    /** One of the allowed values, case-insensitive; returns it lower-cased. */
    public static String oneOf(String name, String value, java.util.List<String> allowed) {
        if (value != null) {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(value)) {
                    return a;
                }
            }
        }
        throw ProblemException.invalid(name, "one-of", name + " must be one of " + allowed + ", got '" + value + "'");
    }
}
