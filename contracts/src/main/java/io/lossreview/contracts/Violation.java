package io.lossreview.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason an event was refused.
 *
 * @param pointer JSON pointer into the whole event, e.g. "/data/mrr/amount" ("" = the event itself)
 * @param rule    short keyword: a JSON Schema keyword ("required", "pattern", ...) or a service rule
 *                ("currency", "future-date", "order", "payload-size", "unknown-type", "json")
 * @param message human-readable explanation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Violation(String pointer, String rule, String message) {
}
