package io.lossreview.ingest.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One customer's ledger facts, replayed: which subscriptions were active at an instant. A subscription is
 * active after a start, a price change, a reactivation or an opening-balance line, and not after an end;
 * facts at the same instant apply in {@link LedgerEntry.Kind} order (an end last).
 */
public final class CustomerLedger {

    private static final Comparator<LedgerEntry> REPLAY =
            Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::kind);

    private final Map<String, List<LedgerEntry>> bySubscription;
    private final boolean known;

    private CustomerLedger(List<LedgerEntry> entries) {
        this.bySubscription = entries.stream().sorted(REPLAY)
                .collect(Collectors.groupingBy(LedgerEntry::subscriptionId, HashMap::new, Collectors.toCollection(ArrayList::new)));
        this.known = entries.stream().anyMatch(e -> e.kind() == LedgerEntry.Kind.BALANCE || e.kind() == LedgerEntry.Kind.START);
    }

    public static Map<String, CustomerLedger> byCustomer(List<LedgerEntry> entries) {
        return entries.stream().collect(Collectors.groupingBy(LedgerEntry::customerId)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new CustomerLedger(e.getValue())));
    }

    /**
     * Whether the ledger knows the customer's base: an opening balance or a start of theirs was seen. Only
     * then can it say that a customer kept a subscription; a customer known only from cancellations is
     * treated as lost when they cancel.
     */
    public boolean known() {
        return known;
    }

    /** Whether a subscription other than these was active at that instant (facts at it applied). */
    public boolean anotherActiveAt(Instant at, Set<String> except) {
        return bySubscription.entrySet().stream()
                .filter(s -> !except.contains(s.getKey()))
                .anyMatch(s -> activeAt(s.getValue(), at));
    }

    private static boolean activeAt(List<LedgerEntry> replayed, Instant at) {
        boolean active = false;
        for (LedgerEntry e : replayed) {
            if (e.at().isAfter(at)) {
                break;
            }
            active = e.kind() != LedgerEntry.Kind.END;
        }
        return active;
    }
}
