package io.lossreview.scheduler.packet;

import io.lossreview.contracts.analysis.view.Breakdown;
import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.contracts.analysis.view.MonthPoint;
import io.lossreview.contracts.analysis.view.MonthSummary;
import io.lossreview.contracts.analysis.view.PacketInputs;
import io.lossreview.contracts.analysis.view.RankedCause;
import io.lossreview.scheduler.packet.model.BreakdownLine;
import io.lossreview.scheduler.packet.model.CauseDecision;
import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.EmergingLine;
import io.lossreview.scheduler.packet.model.NotableLoss;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Story;
import io.lossreview.scheduler.packet.model.Summary;
import io.lossreview.scheduler.packet.model.Trend;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the gathered inputs into the packet's sections, in the packet's order. Pure: same inputs, same packet. */
public final class PacketAssembler {

    static final int STORIES_PER_CAUSE = 2;
    /** A quote is only a story if it says something and still fits on a slide. */
    static final int MIN_QUOTE = 25;
    static final int MAX_QUOTE = 320;

    private PacketAssembler() {
    }

    /** Without changes or narrative: the caller adds what is derived from the packet (see PacketService). */
    public static Packet assemble(PacketContent content, int revision, Instant builtAt, String currency) {
        PacketInputs in = content.analysis();
        Map<String, String> labels = in.causes().causes().stream()
                .collect(Collectors.toMap(RankedCause::cause, RankedCause::label, (a, b) -> a));
        CauseDecisions decisions = CauseDecisions.of(content.assignments());
        return new Packet(content.month(), revision, builtAt, in.causes().taxonomyVersion(), currency, summary(in.summary()),
                in.causes().causes().stream().filter(c -> c.customers() > 0).map(PacketAssembler::cause).toList(),
                in.summary().emergingCauses().stream().map(e -> new EmergingLine(e.cause(),
                        labels.getOrDefault(e.cause(), e.cause()), e.count(), e.explanation())).toList(),
                trend(in, labels), breakdown(in.bySegment()), breakdown(in.byRegion()),
                in.largest().stream().limit(PacketInputs.NOTABLE_LOSSES).map(d -> notable(d, decisions.of(d), labels))
                        .toList(),
                stories(in, labels, decisions), content.lastMonthCalls(), content.actions(), content.assignments(),
                List.of(), null);
    }

    /** Shown under the cause a person decided: a call's finding counts before the analyzer has applied it. */
    private static NotableLoss notable(DefectionView d, CauseDecision decision, Map<String, String> labels) {
        String cause = decision == null ? d.cause() : decision.cause();
        return new NotableLoss(d.customerId(), d.accountName(), d.segment(), d.arrLost(), cause, labels.get(cause), quote(d),
                decision);
    }

    private static Summary summary(MonthSummary s) {
        return new Summary(s.customers(), s.seats(), s.mrrLost(), s.arrLost(), s.lifetimeValueLost(), s.unvalued(),
                s.vsPriorMonth(), s.vsTrailing3Months(), s.voluntary().customers(), s.voluntary().arrLost(),
                s.involuntary().customers(), s.involuntary().arrLost(), s.wonBack(), s.wonBackArr(), s.base());
    }

    private static CauseLine cause(RankedCause c) {
        return new CauseLine(c.rank(), c.cause(), c.label(), c.customers(), c.arrLost(), c.shareOfValue(),
                c.shareOfVolume(), c.cumulativeShare(), c.vsPriorMonth());
    }

    private static Trend trend(PacketInputs in, Map<String, String> labels) {
        List<String> top = in.topCauses();
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = in.month().minusMonths(11); !m.isAfter(in.month()); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<String, io.lossreview.contracts.analysis.view.Trend.CauseSeries> byCause = in.trend().causes().stream()
                .collect(Collectors.toMap(io.lossreview.contracts.analysis.view.Trend.CauseSeries::cause, Function.identity()));
        List<Trend.Series> series = top.stream().filter(byCause::containsKey).map(c -> {
            Map<YearMonth, MonthPoint> points = byCause.get(c).months().stream()
                    .collect(Collectors.toMap(MonthPoint::month, Function.identity()));
            return new Trend.Series(c, labels.getOrDefault(c, c),
                    months.stream().map(m -> points.containsKey(m) ? points.get(m).arrLost() : java.math.BigDecimal.ZERO).toList(),
                    months.stream().map(m -> points.containsKey(m) ? points.get(m).customers() : 0).toList());
        }).toList();
        return new Trend(months, series);
    }

    private static List<BreakdownLine> breakdown(Breakdown b) {
        return b.buckets().stream().map(x -> new BreakdownLine(x.bucket(), x.customers(), x.arrLost(), x.shareOfValue()))
                .toList();
    }

    /**
     * Up to two clear, confidently classified quotes per top cause, the most valuable customers first. A customer a
     * call has just moved to another cause is not quoted under the old one (the analyzer has not applied it yet).
     */
    private static List<Story> stories(PacketInputs in, Map<String, String> labels, CauseDecisions decisions) {
        List<Story> stories = new ArrayList<>();
        for (String cause : in.topCauses()) {
            in.largestByCause().getOrDefault(cause, List.of()).stream()
                    .filter(d -> !d.needsReview() && d.confidence() >= 0.7)
                    .filter(d -> decisions.of(d) == null || cause.equals(decisions.of(d).cause()))
                    .filter(d -> quote(d) != null && quote(d).length() >= MIN_QUOTE && quote(d).length() <= MAX_QUOTE)
                    .sorted(Comparator.comparing((DefectionView d) -> d.arrLost() == null ? java.math.BigDecimal.ZERO : d.arrLost())
                            .reversed().thenComparing(DefectionView::customerId))
                    .limit(STORIES_PER_CAUSE)
                    .forEach(d -> stories.add(new Story(cause, labels.getOrDefault(cause, cause), d.accountName(),
                            d.segment(), d.arrLost(), quote(d), decisions.of(d))));
        }
        return stories;
    }

    /** The customer's own words ({@link CustomerWords}), not the account manager's notes about the call. */
    static String quote(DefectionView d) {
        return CustomerWords.of(d.statedReason(), MIN_QUOTE);
    }
}
