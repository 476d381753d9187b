package io.lossreview.common.problem;

import io.lossreview.common.error.InvalidInput;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parses path and query parameters, answering nonsense with a 400 that names the parameter and rule. */
public final class Params {

    private Params() {
    }

    /** The first month the platform reports: nothing is lost before there were subscriptions to lose. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);

    /** A month as yyyy-MM, e.g. 2026-03, from {@link #FIRST_MONTH} on. */
    public static YearMonth month(String name, String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}")) {
            throw new InvalidInput(name, "yyyy-MM", name + " must be a month as yyyy-MM, got '" + value + "'");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "yyyy-MM", name + " is not a calendar month: '" + value + "'");
        }
        if (month.isBefore(FIRST_MONTH)) {
            throw new InvalidInput(name, "from-2000-01", name + " must be " + FIRST_MONTH + " or later, got " + value);
        }
        return month;
    }

    /** A day as yyyy-MM-dd, from the first day of {@link #FIRST_MONTH} on. */
    public static java.time.LocalDate date(String name, String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new InvalidInput(name, "yyyy-MM-dd", name + " must be a date as yyyy-MM-dd, got '" + value + "'");
        }
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "yyyy-MM-dd", name + " is not a calendar date: '" + value + "'");
        }
        if (date.isBefore(FIRST_MONTH.atDay(1))) {
            throw new InvalidInput(name, "from-2000-01-01", name + " must be " + FIRST_MONTH.atDay(1) + " or later, got " + value);
        }
        return date;
    }

    public static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput(name, "uuid", name + " must be a UUID, got '" + value + "'");
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
        throw new InvalidInput(name, "one-of", name + " must be one of " + allowed + ", got '" + value + "'");
    }

    /**
     * An optional whole number within [min, max]: null when absent, a 400 when it is no number or out
     * of range. JAX-RS would answer a non-numeric int parameter with 404, which names nothing.
     */
    public static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "integer", name + " must be a whole number, got '" + value + "'");
        }
        if (n < min || n > max) {
            throw new InvalidInput(name, "range", name + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    /** A cause code such as PRODUCT_QUALITY (letters, digits, underscores); returned upper-cased. */
    public static String code(String name, String value) {
        if (value == null || !value.matches("[A-Za-z][A-Za-z0-9_]{1,39}")) {
            throw new InvalidInput(name, "code", name + " must be a cause code such as PRICE, got '" + value + "'");
        }
        return value.toUpperCase(java.util.Locale.ROOT);
    }
}
