package io.lossreview.ingest.ledger;

import io.lossreview.contracts.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * One fact of the subscription ledger. {@code mrr}, {@code seats} and {@code plan} are the values from
 * {@code at} on, null where the fact does not say (an end; a change that keeps the plan).
 *
 * @param source    the event's source, or {@link #OPENING_BALANCE}
 * @param sourceId  the event's id, or the opening balance's as-of date
 * @param voluntary an end's cause (false: it lapsed on failed payments); null for other facts
 * @param winsBack  the defection a start or reactivation won back, once it has
 */
public record LedgerEntry(String customerId, String subscriptionId, Instant at, Kind kind, Money mrr, Integer seats,
                          String plan, String segment, String region, Boolean voluntary, String source, String sourceId,
                          UUID winsBack) {

    public static final String OPENING_BALANCE = "opening-balance";

    /** What happened; also the replay order of facts at the same instant. */
    public enum Kind { BALANCE, START, CHANGE, REACTIVATE, END }

    /** A start or a reactivation: the customer pays again, which may win back their loss. */
    public boolean comeback() {
        return kind == Kind.START || kind == Kind.REACTIVATE;
    }

    public LedgerEntry winningBack(UUID defectionId) {
        return new LedgerEntry(customerId, subscriptionId, at, kind, mrr, seats, plan, segment, region, voluntary, source,
                sourceId, defectionId);
    }
}
