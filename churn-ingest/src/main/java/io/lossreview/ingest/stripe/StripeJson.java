package io.lossreview.ingest.stripe;

import io.lossreview.common.error.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * A node of a Stripe payload together with its JSON pointer, so that every problem names the exact place in the
 * payload Stripe sent. Absent and JSON null are the same thing here (Stripe sends null for unset fields).
 */
record StripeJson(JsonNode node, String pointer) {

    static final String REQUIRED = "required";
    static final String TYPE = "type";

    static StripeJson root(JsonNode node) {
        return new StripeJson(node, "");
    }

    StripeJson get(String field) {
        String escaped = field.replace("~", "~0").replace("/", "~1");
        return new StripeJson(node == null ? null : node.get(field), pointer + "/" + escaped);
    }

    StripeJson get(int index) {
        return new StripeJson(node == null ? null : node.get(index), pointer + "/" + index);
    }

    boolean absent() {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** The string value, or null when absent. */
    String text() {
        if (absent()) {
            return null;
        }
        if (!node.isTextual()) {
            throw typeError("a string");
        }
        return node.asText();
    }

    /** The string value, or null when absent or blank. */
    String textOrNull() {
        String text = text();
        return text == null || text.isBlank() ? null : text;
    }

    String requiredText() {
        String text = textOrNull();
        if (text == null) {
            throw required();
        }
        return text;
    }

    StripeJson requiredObject() {
        if (absent()) {
            throw required();
        }
        if (!node.isObject()) {
            throw typeError("an object");
        }
        return this;
    }

    /** An integer, or null when absent. */
    Long integer() {
        if (absent()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw typeError("an integer");
        }
        return node.longValue();
    }

    /** A non-negative int, {@code whenAbsent} when absent. */
    int count(int whenAbsent, int minimum) {
        Long value = integer();
        if (value == null) {
            return whenAbsent;
        }
        if (value < minimum || value > Integer.MAX_VALUE) {
            throw new InvalidInput(pointer, "minimum", pointer + " must be an integer of at least " + minimum);
        }
        return value.intValue();
    }

    /** A Stripe timestamp (Unix seconds), or null when absent. */
    Instant instant() {
        Long seconds = integer();
        if (seconds == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) {
            throw typeError("a Unix time in seconds");
        }
    }

    Instant requiredInstant() {
        Instant instant = instant();
        if (instant == null) {
            throw required();
        }
        return instant;
    }

    /** A decimal given as a string (Stripe's {@code *_decimal} fields), or null when absent. */
    BigDecimal decimalText() {
        String text = text();
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw typeError("a decimal string");
        }
    }

    InvalidInput required() {
        return new InvalidInput(pointer, REQUIRED, pointer + " is required in the Stripe event");
    }

    InvalidInput typeError(String expected) {
        return new InvalidInput(pointer, TYPE, pointer + " must be " + expected);
    }
}
