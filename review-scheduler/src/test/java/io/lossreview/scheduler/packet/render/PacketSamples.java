package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.ActionLine;
import io.lossreview.scheduler.packet.model.BreakdownLine;
import io.lossreview.scheduler.packet.model.CallReview;
import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.scheduler.packet.model.EmergingLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Summary;
import io.lossreview.scheduler.packet.model.Trend;

import io.lossreview.contracts.base.MonthBase;
import io.lossreview.contracts.base.MonthBaseView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Realistic packets for the render tests: a full March 2026 one, and a first month with no losses. */
public final class PacketSamples {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final BigDecimal TOTAL_ARR = money(4_812_300);

    private PacketSamples() {
    }

    public static Packet full() {
        return new Packet(MARCH, 3, Instant.parse("2026-04-02T06:00:00Z"), 4, "USD", summary(), causes(),
                emerging(), trend(), segments(), regions(), SampleLosses.notable(), SampleLosses.stories(),
                lastMonthCalls(), actions(), SampleLosses.assignments(),
                List.of("Reclassified 3 losses from Price / budget to Switched to a competitor after executive calls.",
                        "Added 5 late cancellations from the billing system (ARR +$41,200)."), null);
    }

    /** The first month: nothing lost, no previous calls, no actions, revision 1. */
    public static Packet empty() {
        Change none = new Change(BigDecimal.ZERO, money(0), BigDecimal.ZERO, money(0), null);
        Summary summary = new Summary(0, 0, money(0), money(0), money(0), 0, none, none, 0, money(0), 0, money(0),
                0, money(0), null);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            months.add(MARCH.minusMonths(i));
        }
        return new Packet(MARCH, 1, Instant.parse("2026-04-01T05:00:00Z"), 1, "EUR", summary, List.of(), List.of(),
                new Trend(months, List.of()), List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(),
                List.of(), null);
    }

    static Packet withCauses(Packet p, List<CauseLine> causes) {
        return new Packet(p.month(), p.revision(), p.builtAt(), p.taxonomyVersion(), p.reportingCurrency(), p.summary(),
                causes, p.emerging(), p.trend(), p.bySegment(), p.byRegion(), p.notableLosses(), p.stories(),
                p.lastMonthCalls(), p.actions(), p.assignments(), p.changes(), p.narrative());
    }

    /** The same packet in another month and revision (its figures as they are). */
    public static Packet as(Packet p, YearMonth month, int revision) {
        return new Packet(month, revision, p.builtAt(), p.taxonomyVersion(), p.reportingCurrency(), p.summary(),
                p.causes(), p.emerging(), p.trend(), p.bySegment(), p.byRegion(), p.notableLosses(), p.stories(),
                p.lastMonthCalls(), p.actions(), p.assignments(), p.changes(), p.narrative());
    }

    private static Summary summary() {
        Change prior = new Change(new BigDecimal("374"), money(4_283_000), new BigDecimal("38"), money(529_300),
                new BigDecimal("12.4"));
        Change trailing = new Change(new BigDecimal("390.33"), money(4_451_200), new BigDecimal("21.67"),
                money(361_100), new BigDecimal("8.1"));
        return new Summary(412, 1_873, money(401_025), TOTAL_ARR, money(11_240_000), 7, prior, trailing,
                341, money(4_399_700), 71, money(412_600), 23, money(312_000), base());
    }

    /** 16,950 customers at the start of March, 398 of them lost (2.3%); 14 losses of customers the ledger does not know. */
    static MonthBaseView base() {
        MonthBase b = new MonthBase(MARCH, true, LocalDate.of(2025, 1, 1),
                new MonthBase.Customers(16_950, 520, 31, 402, 398, 352, 17_099),
                new MonthBase.Mrr("EUR", false, money(9_480_000), money(301_000), money(122_500), money(48_300),
                        money(352_100), money(21_900), money(9_525_000)),
                14, List.of(), List.of(), List.of(), Instant.parse("2026-04-01T04:00:00Z"));
        return MonthBaseView.of(b);
    }

    /** cause, label, customers, ARR, prior month's customers and ARR. */
    private static final Object[][] CAUSES = {
            {"PRICE", "Price / budget", 118, 1_480_200, 109, 1_390_000},
            {"COMPETITOR", "Switched to a competitor", 74, 1_102_500, 61, 820_400},
            {"PRODUCT_GAP", "Missing features", 63, 896_400, 55, 702_100},
            {"SUPPORT", "Poor support experience", 52, 604_800, 58, 690_000},
            {"INVOLUNTARY", "Failed payment", 71, 412_600, 66, 380_200},
            {"NO_LONGER_NEEDED", "No longer needed", 34, 315_800, 25, 300_300}};

    static List<CauseLine> causes() {
        List<CauseLine> lines = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < CAUSES.length; i++) {
            Object[] c = CAUSES[i];
            BigDecimal arr = money((int) c[3]);
            BigDecimal value = arr.divide(TOTAL_ARR, 4, RoundingMode.HALF_EVEN);
            cumulative = i == CAUSES.length - 1 ? BigDecimal.ONE.setScale(4) : cumulative.add(value);
            BigDecimal priorArr = money((int) c[5]);
            BigDecimal delta = arr.subtract(priorArr);
            Change vsPrior = new Change(BigDecimal.valueOf((int) c[4]), priorArr,
                    BigDecimal.valueOf((int) c[2] - (int) c[4]), delta,
                    delta.multiply(BigDecimal.valueOf(100)).divide(priorArr, 1, RoundingMode.HALF_EVEN));
            lines.add(new CauseLine(i + 1, (String) c[0], (String) c[1], (int) c[2], arr, value,
                    BigDecimal.valueOf((int) c[2]).divide(BigDecimal.valueOf(412), 4, RoundingMode.HALF_EVEN),
                    cumulative, vsPrior));
        }
        return lines;
    }

    private static List<EmergingLine> emerging() {
        return List.of(
                new EmergingLine("COMPETITOR", "Switched to a competitor", 74,
                        "Up 21% on February and above its 3-month average for the second month running; 9 of the 74 "
                                + "name the same competitor's new bundled pricing."),
                new EmergingLine("SSO_MISSING", "No SSO on the Team plan", 11,
                        "New this month: 11 customers, all on the Team plan, cite missing single sign-on."));
    }

    /** 12 months to March 2026 for the top 5 causes, ending on the month's figures. */
    private static Trend trend() {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            months.add(MARCH.minusMonths(i));
        }
        List<Trend.Series> series = new ArrayList<>();
        int[] slopes = {18_000, 42_000, 30_000, -12_000, 4_000};
        for (int c = 0; c < 5; c++) {
            int last = (int) CAUSES[c][3];
            int customers = (int) CAUSES[c][2];
            List<BigDecimal> arr = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int m = 0; m < 12; m++) {
                int back = 11 - m;
                int wobble = ((m * 37 + c * 11) % 7 - 3) * 9_000;
                arr.add(money(Math.max(50_000, last - slopes[c] * back + (back == 0 ? 0 : wobble))));
                counts.add(Math.max(5, customers - back * (slopes[c] / 6_000)));
            }
            series.add(new Trend.Series((String) CAUSES[c][0], (String) CAUSES[c][1], arr, counts));
        }
        return new Trend(months, series);
    }

    private static List<BreakdownLine> segments() {
        return List.of(line("SMB", 241, 1_020_500), line("MID_MARKET", 128, 1_687_300),
                line("ENTERPRISE", 43, 2_104_500));
    }

    private static List<BreakdownLine> regions() {
        return List.of(line("NA", 168, 2_011_000), line("EMEA", 121, 1_402_300), line("APAC", 64, 781_000),
                line("LATAM", 38, 392_000), line("ANZ", 21, 226_000));
    }

    private static BreakdownLine line(String bucket, int customers, int arr) {
        BigDecimal share = money(arr).divide(TOTAL_ARR, 4, RoundingMode.HALF_EVEN);
        return new BreakdownLine(bucket, customers, money(arr), share);
    }

    private static CallReview lastMonthCalls() {
        List<CallReview.CallLearning> learnings = List.of(
                new CallReview.CallLearning("Maria Alvarez (CEO)", "Blue Harbor Bank", "ENTERPRISE", "REACHED", "PRICE", "COMPETITOR",
                        "Price was the stated reason, but the real trigger was a competitor's 3-year lock-in offer."),
                new CallReview.CallLearning("Raj Patel (CFO)", "Acme Retail", "SMB", "REACHED", "PRICE", null,
                        "Confirmed budget cut; open to an annual plan at 15% off."),
                new CallReview.CallLearning("Dana Whitfield (CRO)", "Pinnacle Media", "MID_MARKET", "NOT_REACHED", "SUPPORT", null,
                        ""),
                new CallReview.CallLearning("Marcus Lee (CPO)", "Vertex Labs", "MID_MARKET", "REACHED", "PRODUCT_GAP", "SUPPORT",
                        "Feature exists; they never got onboarding for it. Support & CS hand-off failed."),
                new CallReview.CallLearning("Dana Whitfield (CRO)", "Orbit Freight", null, "DECLINED", "COMPETITOR", null,
                        "Declined the call, replied by e-mail: \"decision is final\"."));
        List<CallReview.WinBackCredit> winBacks = List.of(
                new CallReview.WinBackCredit("Marcus Lee (CPO)", "Vertex Labs", money(144_000)),
                new CallReview.WinBackCredit("Raj Patel (CFO)", "Acme Retail", money(96_000)));
        return new CallReview(YearMonth.of(2026, 2), 12, 7, 2, 1, 2, 3, learnings, winBacks);
    }

    private static List<ActionLine> actions() {
        return List.of(
                new ActionLine("Annual-plan discount for SMB renewals", "PRICE", "Raj Patel (CFO)",
                        LocalDate.of(2026, 4, 30), "IN_PROGRESS", false, YearMonth.of(2026, 1), 131, money(1_602_000),
                        118, money(1_480_200)),
                new ActionLine("Ship SCIM provisioning", "PRODUCT_GAP", "Marcus Lee (CPO)", LocalDate.of(2026, 3, 15),
                        "OPEN", true, YearMonth.of(2025, 12), 51, money(702_100), 63, money(896_400)),
                new ActionLine("24-hour first response on P1 tickets", "SUPPORT", "Dana Whitfield (CRO)",
                        LocalDate.of(2026, 2, 28), "DONE", false, YearMonth.of(2025, 11), 70, money(840_000), 52,
                        money(604_800)),
                new ActionLine("Card updater and smarter dunning retries", "INVOLUNTARY", "Raj Patel (CFO)",
                        LocalDate.of(2026, 5, 31), "OPEN", false, YearMonth.of(2026, 2), 66, money(380_200), 71,
                        money(412_600)));
    }

    static BigDecimal money(int units) {
        return BigDecimal.valueOf(units).setScale(2, RoundingMode.UNNECESSARY);
    }
}
