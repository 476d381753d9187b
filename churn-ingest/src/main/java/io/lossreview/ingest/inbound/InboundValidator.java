package io.lossreview.ingest.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.ContractSchemas;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.IsoInstants;
import io.lossreview.contracts.Violation;
import io.lossreview.ingest.config.IngestConfig;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The contract's JSON Schemas first (types, required fields, formats, lengths), then the rules a
 * schema cannot say: real ISO 4217 codes, absurd amounts, date order and dates in the future.
 */
// Singleton: called for every event, and a client proxy's lookup on each call showed in profiles.
@Singleton
public class InboundValidator {

    private final Clock clock;
    private final IngestConfig config;

    public InboundValidator(Clock clock, IngestConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public InboundEvent validate(InboundEvent event) {
        if (!event.valid()) {
            return event;
        }
        List<Violation> found = new ArrayList<>(ContractSchemas.get().validateEvent(event.cloudEvent()));
        if (found.isEmpty() && !EventTypes.inbound().contains(event.type())) {
            found.add(new Violation("/type", "unknown-type", "Event type " + event.type()
                    + " is not accepted here; accepted: " + EventTypes.inbound()));
        }
        if (found.isEmpty()) {
            businessRules(event.cloudEvent(), found);
        }
        return found.isEmpty() ? event : event.withViolations(found);
    }

    private void businessRules(JsonNode event, List<Violation> found) {
        JsonNode data = event.get("data");
        money(data, "mrr", found);
        money(data, "lifetimeValue", found);
        Instant latestAllowed = clock.instant().plus(config.futureTolerance());
        notInFuture(event, "/time", latestAllowed, found);
        for (String field : List.of("startedAt", "changedAt", "cancelledAt", "churnedAt", "reactivatedAt")) {
            notInFuture(data, "/data/" + field, latestAllowed, found);
        }
        Instant cancelled = instant(data, "cancelledAt");
        Instant effective = instant(data, "effectiveAt");
        if (cancelled != null && effective != null && effective.isBefore(cancelled)) {
            found.add(new Violation("/data/effectiveAt", "order", "effectiveAt " + effective
                    + " is before cancelledAt " + cancelled));
        }
        Instant occurred = cancelled != null ? cancelled : instant(data, "churnedAt");
        JsonNode since = data.get("customerSince");
        if (occurred != null && since != null && since.isTextual()
                && LocalDate.parse(since.asText()).isAfter(occurred.atZone(ZoneOffset.UTC).toLocalDate())) {
            found.add(new Violation("/data/customerSince", "order", "customerSince " + since.asText()
                    + " is after the loss itself (" + occurred + ")"));
        }
    }

    private void money(JsonNode data, String field, List<Violation> found) {
        JsonNode money = data.get(field);
        if (money == null || !money.isObject()) {
            return;
        }
        String code = money.path("currency").asText();
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            found.add(new Violation("/data/" + field + "/currency", "currency",
                    code + " is not an ISO 4217 currency code"));
        }
        BigDecimal amount = new BigDecimal(money.path("amount").asText());
        if ("mrr".equals(field) && amount.compareTo(config.maxMrr()) > 0) {
            found.add(new Violation("/data/mrr/amount", "maximum", "An MRR of " + amount.toPlainString()
                    + " is not plausible; at most " + config.maxMrr().toPlainString() + " is accepted"));
        }
    }

    private static void notInFuture(JsonNode node, String pointer, Instant latestAllowed, List<Violation> found) {
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        Instant at = instant(node, field);
        if (at != null && at.isAfter(latestAllowed)) {
            found.add(new Violation(pointer, "future-date", field + " " + at + " is in the future"));
        }
    }

    static Instant instant(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n != null && n.isTextual() ? IsoInstants.parse(n.asText()) : null;
    }
}
