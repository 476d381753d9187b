package io.lossreview.ingest.balance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.contracts.InputGuard;
import io.lossreview.ingest.defection.DefectionService;
import io.lossreview.ingest.ledger.LedgerEntry;
import io.lossreview.ingest.ledger.SubscriptionLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads an opening balance into the ledger: each subscription active on the as-of day, from the start of
 * that day (business time zone) on. Loading the same subscription for the same day again replaces it,
 * so a corrected file can be sent again, and a large base can be sent in parts.
 */
@ApplicationScoped
public class OpeningBalanceService {

    /**
     * What was loaded.
     *
     * @param reclassified earlier cancellations that the balance shows were contractions (or losses after all)
     */
    public record Loaded(LocalDate asOf, int subscriptions, long customers, int reclassified) {
    }

    private final SubscriptionLedger ledger;
    private final DefectionService defections;
    private final BusinessCalendar calendar;
    private final ObjectMapper strictReader;
    private final Clock clock;

    public OpeningBalanceService(SubscriptionLedger ledger, DefectionService defections, BusinessCalendar calendar,
                                 ObjectMapper mapper, Clock clock) {
        this.ledger = ledger;
        this.defections = defections;
        this.calendar = calendar;
        this.strictReader = InputGuard.strictReader(mapper);
        this.clock = clock;
    }

    @Transactional
    public Loaded loadCsv(LocalDate asOf, String csv) {
        return load(asOf, OpeningBalanceFile.parseCsv(csv));
    }

    @Transactional
    public Loaded loadNdjson(LocalDate asOf, String ndjson) {
        return load(asOf, OpeningBalanceFile.parseNdjson(ndjson, strictReader));
    }

    private Loaded load(LocalDate asOf, List<OpeningBalanceFile.Line> lines) {
        LocalDate today = calendar.date(clock.instant());
        if (asOf.isAfter(today)) {
            throw new InvalidInput("asOf", "not-future", "asOf " + asOf + " is in the future (today is " + today + ")");
        }
        Instant from = asOf.atStartOfDay(calendar.zone()).toInstant();
        ledger.add(lines.stream().map(l -> new LedgerEntry(l.customerId(), l.subscriptionId(), from, LedgerEntry.Kind.BALANCE,
                l.mrr(), l.seats(), l.plan(), l.segment() == null ? null : l.segment().name(), l.region(), null,
                LedgerEntry.OPENING_BALANCE, asOf.toString(), null)).toList());
        Set<String> customers = lines.stream().map(OpeningBalanceFile.Line::customerId).collect(Collectors.toSet());
        return new Loaded(asOf, lines.size(), customers.size(), defections.reconsider(customers));
    }
}
