package io.lossreview.ingest.ledger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.contracts.Money;
import io.lossreview.ingest.ledger.LedgerEntry.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerLedgerTest {

    private static final Instant JAN = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2025-03-31T23:59:59Z");

    @Test
    void anotherSubscriptionStillActiveAfterTheEndMakesItAContraction() {
        CustomerLedger ledger = ledger(fact("a", JAN, Kind.START), fact("b", JAN, Kind.START), fact("a", MAR, Kind.END));
        assertTrue(ledger.known());
        assertTrue(ledger.anotherActiveAt(MAR, Set.of("a")));
        // b ends too, at the same instant: nothing is left
        CustomerLedger both = ledger(fact("a", JAN, Kind.BALANCE), fact("b", JAN, Kind.BALANCE), fact("a", MAR, Kind.END),
                fact("b", MAR, Kind.END));
        assertFalse(both.anotherActiveAt(MAR, Set.of("a")));
    }

    @Test
    void theOrderOfArrivalDoesNotMatterOnlyTheInstants() {
        // b's end was reported before its start, and its start before a's: replay sorts by instant.
        CustomerLedger ledger = ledger(fact("b", Instant.parse("2025-02-01T00:00:00Z"), Kind.END), fact("a", JAN, Kind.START),
                fact("b", JAN, Kind.START));
        assertFalse(ledger.anotherActiveAt(MAR, Set.of("a")));
        assertTrue(ledger.anotherActiveAt(Instant.parse("2025-01-15T00:00:00Z"), Set.of("a")));
    }

    @Test
    void aSubscriptionStartedLaterIsNoneActiveAtTheLossAndAnEndedOneComesBackWhenReactivated() {
        CustomerLedger ledger = ledger(fact("a", JAN, Kind.START), fact("b", Instant.parse("2025-04-10T00:00:00Z"), Kind.START));
        assertFalse(ledger.anotherActiveAt(MAR, Set.of("a")));
        CustomerLedger reactivated = ledger(fact("a", JAN, Kind.START), fact("b", JAN, Kind.START),
                fact("b", Instant.parse("2025-02-01T00:00:00Z"), Kind.END), fact("b", Instant.parse("2025-03-01T00:00:00Z"), Kind.REACTIVATE));
        assertTrue(reactivated.anotherActiveAt(MAR, Set.of("a")));
    }

    @Test
    void cancellationsAloneDoNotMakeTheBaseKnown() {
        assertFalse(ledger(fact("a", MAR, Kind.END), fact("b", MAR, Kind.REACTIVATE)).known());
    }

    private static CustomerLedger ledger(LedgerEntry... facts) {
        return CustomerLedger.byCustomer(List.of(facts)).get("cus_1");
    }

    private static LedgerEntry fact(String subscription, Instant at, Kind kind) {
        return new LedgerEntry("cus_1", subscription, at, kind, kind == Kind.END ? null : Money.of("10.00", "USD"), 1, null,
                null, null, null, "/billing/test", subscription + kind + at, null);
    }
}
