package io.lossreview.analyzer.analysis;

import io.lossreview.analyzer.defection.Dimension;
import io.lossreview.analyzer.analysis.TotalsQuery.Row;
import io.lossreview.contracts.analysis.view.Breakdown;
import io.lossreview.contracts.analysis.view.CauseRanking;
import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.contracts.analysis.view.MonthPoint;
import io.lossreview.contracts.analysis.view.MonthSummary;
import io.lossreview.contracts.analysis.view.RankedCause;
import io.lossreview.contracts.analysis.view.Trend;
import io.lossreview.analyzer.config.AnalyzerConfig;
import io.lossreview.analyzer.taxonomy.Cause;
import io.lossreview.analyzer.taxonomy.TaxonomyRepository;
import io.lossreview.analyzer.base.MonthBases;
import io.lossreview.contracts.analysis.EmergingCause;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.contracts.base.MonthBaseView;
import io.lossreview.contracts.base.RatePoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The month views (summary, ranked causes, breakdowns, trends), all computed from month_total. */
@ApplicationScoped
public class MonthAnalysis {

    /** Emerging causes need at least this many months of history before the month. */
    static final int MIN_BASELINE_MONTHS = 3;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private final TotalsQuery totals;
    private final TaxonomyRepository taxonomies;
    private final AnalyzerConfig config;
    private final MonthBases bases;

    public MonthAnalysis(TotalsQuery totals, TaxonomyRepository taxonomies, AnalyzerConfig config, MonthBases bases) {
        this.bases = bases;
        this.totals = totals;
        this.taxonomies = taxonomies;
        this.config = config;
    }

    public MonthSummary summary(YearMonth month) {
        Map<YearMonth, Map<String, Measures>> history = byMonth(totals.rows(TotalKey.ALL, month.minusMonths(historyMonths()), month));
        Measures now = sum(history.get(month));
        Map<String, Measures> byKind = byMonth(totals.rows(Dimension.VOLUNTARY.key(), month, month)).getOrDefault(month, Map.of());
        return new MonthSummary(month, taxonomies.pinned(month).orElse(null), now.customers(), now.seats(), now.mrr(),
                now.arr(), now.lifetimeValue(), now.unvalued(), now.wonBack(), now.wonBackArr(),
                split(byKind.get("VOLUNTARY")), split(byKind.get("INVOLUNTARY")),
                vsPrior(now, sum(history.get(month.minusMonths(1)))), vsTrailing(now, month, history, Function.identity()),
                emerging(month, history), bases.of(month).map(MonthBaseView::of).orElse(null));
    }

    public CauseRanking causes(YearMonth month, RankBy rankBy) {
        Map<YearMonth, Map<String, Measures>> history = byMonth(totals.rows(TotalKey.ALL, month.minusMonths(historyMonths()), month));
        Map<String, Measures> current = history.getOrDefault(month, Map.of());
        Measures whole = sum(current);
        Map<String, EmergingCause> emerging = emerging(month, history).stream()
                .collect(Collectors.toMap(EmergingCause::cause, e -> e));
        Integer version = taxonomies.pinned(month).orElse(null);
        Optional<MonthBase> base = bases.of(month);
        // Every cause seen in the 12-month window is listed, so a cause that dropped to zero still shows.
        Map<String, Measures> listed = new TreeMap<>();
        history.forEach((m, causes) -> {
            if (!m.isBefore(month.minusMonths(11))) {
                causes.keySet().forEach(c -> listed.put(c, current.getOrDefault(c, Measures.ZERO)));
            }
        });
        List<RankedCause> ranked = new ArrayList<>();
        Measures cumulative = Measures.ZERO;
        for (Map.Entry<String, Measures> e : listed.entrySet().stream().sorted(rankBy.order(whole)).toList()) {
            String cause = e.getKey();
            Measures m = e.getValue();
            cumulative = cumulative.plus(m);
            ranked.add(new RankedCause(ranked.size() + 1, cause, label(version, cause), m.customers(), m.seats(),
                    m.mrr(), m.arr(), m.lifetimeValue(), m.unvalued(), m.wonBack(),
                    RankBy.share(m.arr(), whole.arr()),
                    RankBy.share(BigDecimal.valueOf(m.customers()), BigDecimal.valueOf(whole.customers())), rankBy.share(cumulative, whole),
                    vsPrior(m, cause(history.get(month.minusMonths(1)), cause)),
                    vsTrailing(m, month, history, causes -> Map.of(cause, cause(causes, cause))),
                    series(history, cause, month.minusMonths(11), month), emerging.get(cause),
                    base.map(b -> b.shareOfBase(m.customers())).orElse(null), base.map(b -> b.shareOfMrr(m.mrr())).orElse(null)));
        }
        return new CauseRanking(month, version == null ? 0 : version, rankBy.name().toLowerCase(), rankBy.rule, ranked);
    }

    public Breakdown breakdown(YearMonth month, Dimension dimension) {
        Map<String, Map<String, Measures>> buckets = new TreeMap<>();
        for (Row r : totals.rows(dimension.key(), month, month)) {
            buckets.computeIfAbsent(r.bucket(), b -> new TreeMap<>()).put(r.cause(), r.measures());
        }
        Measures whole = buckets.values().stream().map(MonthAnalysis::sum).reduce(Measures.ZERO, Measures::plus);
        Map<String, Integer> atStart = bases.of(month).filter(MonthBase::known).map(b -> atStart(b, dimension)).orElse(Map.of());
        List<Breakdown.Bucket> result = buckets.entrySet().stream().map(b -> {
            Measures m = sum(b.getValue());
            List<Breakdown.CauseFigure> causes = b.getValue().entrySet().stream()
                    .filter(c -> c.getValue().customers() > 0)
                    .sorted(RankBy.ARR.order(m))
                    .map(c -> new Breakdown.CauseFigure(c.getKey(), c.getValue().customers(), c.getValue().arr()))
                    .toList();
            return new Breakdown.Bucket(b.getKey(), m.customers(), m.seats(), m.mrr(), m.arr(), m.lifetimeValue(),
                    m.unvalued(), m.wonBack(), RankBy.share(m.arr(), whole.arr()),
                    RankBy.share(BigDecimal.valueOf(m.customers()), BigDecimal.valueOf(whole.customers())), causes,
                    atStart.get(b.getKey()), churnOf(m.customers(), atStart.get(b.getKey())));
        }).sorted(Comparator.comparing(Breakdown.Bucket::arrLost).reversed()
                .thenComparing(Comparator.comparingInt(Breakdown.Bucket::customers).reversed())
                .thenComparing(Breakdown.Bucket::bucket)).toList();
        return new Breakdown(month, dimension.key(), result);
    }

    /** Series per cause (or one cause) over [from, to]; every month present, zero where there were no losses. */
    public Trend trend(YearMonth from, YearMonth to, Optional<String> onlyCause) {
        Map<YearMonth, Map<String, Measures>> history = byMonth(totals.rows(TotalKey.ALL, from, to));
        TreeSet<String> causes = new TreeSet<>();
        history.values().forEach(m -> causes.addAll(m.keySet()));
        onlyCause.ifPresent(c -> causes.retainAll(List.of(c)));
        onlyCause.ifPresent(causes::add);
        Map<YearMonth, MonthBase> measured = new HashMap<>();
        List<YearMonth> range = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            range.add(m);
        }
        bases.of(range).forEach(b -> measured.put(b.month(), b));
        return new Trend(from, to, causes.stream()
                .map(c -> new Trend.CauseSeries(c, series(history, c, from, to))).toList(),
                range.stream().map(m -> measured.containsKey(m) ? RatePoint.of(measured.get(m)) : RatePoint.unknown(m)).toList());
    }

    /** A bucket's losses / its customers at the start, scaled like the month's rates; null where the base lacks it. */
    private static BigDecimal churnOf(int lost, Integer atStart) {
        return atStart == null || atStart == 0 ? null
                : BigDecimal.valueOf(lost).divide(BigDecimal.valueOf(atStart), MonthBase.RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The base's customers at the start by the dimension's buckets; none for tenure and voluntary, which it does not keep. */
    private static Map<String, Integer> atStart(MonthBase b, Dimension dimension) {
        List<MonthBase.Bucket> buckets = switch (dimension) {
            case SEGMENT -> b.segments();
            case REGION -> b.regions();
            case PLAN -> b.plans();
            default -> List.of();
        };
        return buckets.stream().collect(Collectors.toMap(MonthBase.Bucket::value, MonthBase.Bucket::customersAtStart));
    }

    public Optional<YearMonth> latestMonth() {
        return totals.latestMonth();
    }

    List<EmergingCause> emerging(YearMonth month, Map<YearMonth, Map<String, Measures>> history) {
        YearMonth first = totals.firstMonth().orElse(month);
        List<Map<String, Integer>> baseline = new ArrayList<>();
        List<YearMonth> baselineMonths = new ArrayList<>();
        for (int i = config.baselineMonths(); i >= 1; i--) {
            YearMonth m = month.minusMonths(i);
            if (!m.isBefore(first)) {
                baseline.add(counts(history.get(m)));
                baselineMonths.add(m);
            }
        }
        if (baseline.size() < MIN_BASELINE_MONTHS) {
            return List.of();
        }
        return new EmergingCauses(config.significance(), config.minimumCount())
                .detect(counts(history.get(month)), baseline, exposure(month, baselineMonths));
    }

    /** The customers at risk of the month and its baseline months, when the base is known for every one of them. */
    private EmergingCauses.Exposure exposure(YearMonth month, List<YearMonth> baselineMonths) {
        List<YearMonth> all = new ArrayList<>(baselineMonths);
        all.add(month);
        List<MonthBase> measured = bases.of(all);
        if (measured.size() != all.size() || !measured.stream().allMatch(MonthBase::known)) {
            return null;
        }
        List<Integer> atRisk = measured.stream().map(b -> b.customers().atStart()).toList();
        return new EmergingCauses.Exposure(atRisk.get(atRisk.size() - 1), atRisk.subList(0, atRisk.size() - 1));
    }

    private int historyMonths() {
        return Math.max(11, config.baselineMonths());
    }

    private String label(Integer version, String cause) {
        return version == null ? cause
                : taxonomies.get(version).taxonomy().cause(cause).map(Cause::label).orElse(cause);
    }

    private static Map<YearMonth, Map<String, Measures>> byMonth(List<Row> rows) {
        Map<YearMonth, Map<String, Measures>> byMonth = new HashMap<>();
        for (Row r : rows) {
            byMonth.computeIfAbsent(r.month(), m -> new HashMap<>()).merge(r.bucket().isEmpty() ? r.cause() : r.bucket(),
                    r.measures(), Measures::plus);
        }
        return byMonth;
    }

    private static List<MonthPoint> series(Map<YearMonth, Map<String, Measures>> history, String cause,
                                           YearMonth from, YearMonth to) {
        List<MonthPoint> points = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Measures x = cause(history.get(m), cause);
            points.add(new MonthPoint(m, x.customers(), x.arr()));
        }
        return points;
    }

    private static Measures cause(Map<String, Measures> causes, String cause) {
        return causes == null ? Measures.ZERO : causes.getOrDefault(cause, Measures.ZERO);
    }

    private static Measures sum(Map<String, Measures> causes) {
        return causes == null ? Measures.ZERO : causes.values().stream().reduce(Measures.ZERO, Measures::plus);
    }

    private static Map<String, Integer> counts(Map<String, Measures> causes) {
        Map<String, Integer> counts = new HashMap<>();
        if (causes != null) {
            causes.forEach((c, m) -> counts.put(c, m.customers()));
        }
        return counts;
    }

    private static MonthSummary.Split split(Measures m) {
        return m == null ? new MonthSummary.Split(0, BigDecimal.ZERO) : new MonthSummary.Split(m.customers(), m.arr());
    }

    private static Change vsPrior(Measures now, Measures prior) {
        return Change.of(now.customers(), now.arr(), BigDecimal.valueOf(prior.customers()), prior.arr());
    }

    /** Against the average of the 3 months before (months without losses count as zero). */
    private static Change vsTrailing(Measures now, YearMonth month, Map<YearMonth, Map<String, Measures>> history,
                                     Function<Map<String, Measures>, Map<String, Measures>> select) {
        Measures total = Measures.ZERO;
        for (int i = 1; i <= 3; i++) {
            Map<String, Measures> m = history.get(month.minusMonths(i));
            total = total.plus(sum(m == null ? null : select.apply(m)));
        }
        return Change.of(now.customers(), now.arr(),
                BigDecimal.valueOf(total.customers()).divide(THREE, 2, RoundingMode.HALF_EVEN),
                total.arr().divide(THREE, 2, RoundingMode.HALF_EVEN));
    }
}
