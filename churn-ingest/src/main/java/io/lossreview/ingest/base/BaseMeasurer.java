package io.lossreview.ingest.base;

import io.lossreview.contracts.base.MonthBase;
import io.lossreview.ingest.ledger.LedgerEntry;
import io.lossreview.ingest.ledger.LedgerEntry.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Measures the customer base of each month from the subscription ledger (ChartMogul's definitions):
 * <ul>
 * <li>a customer is active while at least one subscription is; only customers the ledger knows (an
 * opening-balance line or a start of theirs) are counted;</li>
 * <li>at each instant of the month where their facts change, a customer who becomes active is new
 * (never active before) or reactivated, one who becomes inactive is lost (churned MRR = their MRR just
 * before), and an active customer whose MRR rises or falls expands or contracts by the difference;</li>
 * <li>opening-balance lines are no movement: they make the base visible, they do not change it;</li>
 * <li>MRR is each subscription's MRR converted at the FX rate valid on the month's first day, rounded
 * half-up to the cent, summed per customer.</li>
 * </ul>
 */
public final class BaseMeasurer {

    /** What the measurer needs to know besides the facts. */
    public record Settings(ZoneId zone, String reportingCurrency, BiFunction<String, LocalDate, BigDecimal> fxRate) {
    }

    private static final Comparator<LedgerEntry> REPLAY = Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::kind);

    private BaseMeasurer() {
    }

    public static List<MonthBase> measure(List<LedgerEntry> facts, List<YearMonth> months, Settings settings,
                                          Map<YearMonth, Integer> unknownBaseLosses, Instant measuredAt) {
        List<CustomerTimeline> customers = facts.stream()
                .collect(Collectors.groupingBy(LedgerEntry::customerId, TreeMap::new, Collectors.toList()))
                .values().stream().map(CustomerTimeline::of).filter(CustomerTimeline::known).toList();
        List<Instant> balances = facts.stream().filter(f -> f.kind() == Kind.BALANCE).map(LedgerEntry::at).sorted().toList();
        List<MonthBase> measured = new ArrayList<>();
        for (YearMonth month : months) {
            measured.add(month(month, customers, balances, settings, unknownBaseLosses.getOrDefault(month, 0), measuredAt));
        }
        return measured;
    }

    private static MonthBase month(YearMonth month, List<CustomerTimeline> customers, List<Instant> balances,
                                   Settings settings, int unknownBaseLosses, Instant measuredAt) {
        Instant start = month.atDay(1).atStartOfDay(settings.zone()).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(settings.zone()).toInstant();
        Instant balance = balances.stream().filter(b -> !b.isAfter(start)).reduce((a, b) -> b).orElse(null);
        Valuation value = new Valuation(month.atDay(1), settings);
        MonthTally tally = new MonthTally();
        for (CustomerTimeline c : customers) {
            c.tally(start, end, value, tally);
        }
        MonthBase.Mrr mrr = value.pending ? new MonthBase.Mrr(settings.reportingCurrency(), true, null, null, null, null,
                null, null, null)
                : new MonthBase.Mrr(settings.reportingCurrency(), false, tally.mrrAtStart, tally.added, tally.expansion,
                tally.contraction, tally.churned, tally.reactivation, tally.mrrAtEnd);
        return new MonthBase(month, balance != null,
                balance == null ? null : LocalDate.ofInstant(balance, settings.zone()),
                new MonthBase.Customers(tally.atStart, tally.newCustomers, tally.reactivated, tally.lost, tally.lostFromStart,
                        tally.lostVoluntary, tally.atEnd),
                mrr, unknownBaseLosses, buckets(tally.segments), buckets(tally.regions), buckets(tally.plans), measuredAt);
    }

    private static List<MonthBase.Bucket> buckets(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> new MonthBase.Bucket(e.getKey(), e.getValue())).toList();
    }

    /** A subscription's MRR in the reporting currency at the month's rates; marks the month pending without one. */
    static final class Valuation {
        private final LocalDate day;
        private final Settings settings;
        boolean pending;

        Valuation(LocalDate day, Settings settings) {
            this.day = day;
            this.settings = settings;
        }

        BigDecimal of(io.lossreview.contracts.Money mrr) {
            if (mrr == null) {
                return BigDecimal.ZERO;
            }
            if (mrr.currency().equals(settings.reportingCurrency())) {
                return mrr.amount().setScale(2, RoundingMode.HALF_UP);
            }
            BigDecimal rate = settings.fxRate().apply(mrr.currency(), day);
            if (rate == null) {
                pending = true;
                return BigDecimal.ZERO;
            }
            return mrr.amount().multiply(rate).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** The month's sums, filled customer by customer. */
    static final class MonthTally {
        int atStart;
        int atEnd;
        int newCustomers;
        int reactivated;
        int lost;
        int lostFromStart;
        int lostVoluntary;
        BigDecimal mrrAtStart = BigDecimal.ZERO.setScale(2);
        BigDecimal mrrAtEnd = BigDecimal.ZERO.setScale(2);
        BigDecimal added = BigDecimal.ZERO.setScale(2);
        BigDecimal expansion = BigDecimal.ZERO.setScale(2);
        BigDecimal contraction = BigDecimal.ZERO.setScale(2);
        BigDecimal churned = BigDecimal.ZERO.setScale(2);
        BigDecimal reactivation = BigDecimal.ZERO.setScale(2);
        final Map<String, Integer> segments = new TreeMap<>();
        final Map<String, Integer> regions = new TreeMap<>();
        final Map<String, Integer> plans = new TreeMap<>();
    }

    static List<LedgerEntry> replayOrder(List<LedgerEntry> facts) {
        return facts.stream().sorted(REPLAY).toList();
    }
}
