package io.lossreview.scheduler.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.contracts.base.MonthBaseView;
import io.lossreview.scheduler.packet.model.ActionLine;
import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.CallReview;
import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.NotableLoss;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Summary;
import io.lossreview.scheduler.packet.model.Trend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "What changed since revision 1", pinned on two hand-made revisions of November 2026: a call moved Acme Corp
 * from Other to Price, October's figures were restated, a cause lost ARR with as many customers, actions moved.
 */
class PacketChangesTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void everyChangeAReaderCaresAboutInWordsMostImportantFirst() {
        Packet before = packet(1,
                summary(271, "1440000", "120000", change(4, "20000"), "0.0204"),
                List.of(cause(1, "PRODUCT_QUALITY", "Product quality", 80, "500000"),
                        cause(2, "PRICE", "Price", 90, "400000"),
                        cause(3, "SUPPORT", "Support", 60, "240000"),
                        cause(4, "OTHER", "Other", 41, "0"),
                        cause(5, "EASE_OF_USE", "Ease of use", 1, "5000")),
                List.of(call("Ava Chen", "Acme Corp", "ENTERPRISE", AssignmentLine.ASSIGNED, null, "OTHER", null, null, null),
                        call("Ben Ode", "Globex", "SMB", AssignmentLine.ASSIGNED, null, "PRICE", null, null, null)),
                List.of(action("Annual-plan discount", "PRICE", "OPEN"), action("Ship SSO", "PRODUCT_QUALITY", "IN_PROGRESS")),
                new CallReview(NOVEMBER.minusMonths(1), 2, 0, 0, 0, 2, 0, List.of(), List.of()));
        Packet after = packet(2,
                summary(275, "2058000", "171500", change(-296, "-900000"), "0.0207"),
                List.of(cause(1, "PRICE", "Price", 92, "1139000"),
                        cause(2, "PRODUCT_QUALITY", "Product quality", 80, "500000"),
                        cause(3, "SUPPORT", "Support", 60, "119000"),
                        cause(4, "OTHER", "Other", 40, "0"),
                        cause(5, "SECURITY", "Security review", 2, "30000")),
                List.of(call("Ava Chen", "Acme Corp", "ENTERPRISE", AssignmentLine.COMPLETED, "REACHED", "OTHER", "PRICE", null,
                                null),
                        call("Ben Ode", "Globex", "SMB", AssignmentLine.REASSIGNED, null, "PRICE", null, null, "Cleo Park"),
                        call("Cleo Park", "Globex", "SMB", AssignmentLine.ASSIGNED, null, "PRICE", null, null, null)),
                List.of(action("Annual-plan discount", "PRICE", "IN_PROGRESS"), action("Ship SSO", "PRODUCT_QUALITY", "DONE"),
                        action("Support SLA", "SUPPORT", "OPEN")),
                new CallReview(NOVEMBER.minusMonths(1), 2, 0, 0, 1, 1, 0,
                        List.of(new CallReview.CallLearning("Cleo Park", "Initech", "ENTERPRISE", "DECLINED", "PRICE", null,
                                "Decision is final.")),
                        List.of(new CallReview.WinBackCredit("Ava Chen", "Hooli", new BigDecimal("96000.00")))));

        assertEquals(List.of(
                "Customers lost: 271 \u2192 275 (+4); vs Oct 2026: +4 \u2192 \u2212296",
                "ARR lost: $1,440,000 \u2192 $2,058,000 (+$618K); vs Oct 2026: +$20K \u2192 \u2212$900K",
                "MRR lost: $120,000 \u2192 $171,500 (+$51.5K)",
                "Customer churn rate: 2.0% \u2192 2.1%",
                "Seats lost: 813 \u2192 825 (+12)",
                "Price: ARR lost $400,000 \u2192 $1,139,000 (+$739K); customers 90 \u2192 92 (+2)",
                // As many customers, $121K less: still listed.
                "Support: ARR lost $240,000 \u2192 $119,000 (\u2212$121K); customers 60, unchanged",
                "Other: ARR lost $0, unchanged; customers 41 \u2192 40 (\u22121)",
                "Security review: now among the causes, $30,000 of ARR lost from 2 customers",
                "Ease of use: no longer among the causes (was $5,000 from 1 customer)",
                "Ranking by ARR lost: Price #1 (was #2), Product quality #2 (was #1)",
                "Ava Chen reached Acme Corp (Enterprise): cause corrected from Other to Price.",
                "The call to Globex (SMB) moved from Ben Ode to Cleo Park.",
                "Initech (Enterprise) declined Cleo Park's call. Notes: \u201CDecision is final.\u201D",
                "Hooli came back: $96,000 of ARR, credited to Ava Chen's call.",
                "Action \u201CAnnual-plan discount\u201D (Price): Open \u2192 In progress.",
                "Action closed: \u201CShip SSO\u201D (Product quality).",
                "Action opened: \u201CSupport SLA\u201D (Support), owner Dana (support), due 31 Jan 2027.",
                "Sections that changed: At a glance, Why customers left, Last month's executive calls, Action items, Calls to"
                        + " make this month."),
                PacketChanges.between(before, after));
    }

    @Test
    void aComparisonThatFlipsIsListedEvenWhenTheMonthsOwnFiguresDidNot() {
        List<CauseLine> causes = List.of(cause(1, "PRICE", "Price", 10, "50000"));
        Packet before = packet(1, summary(10, "50000", "4166.67", change(4, "2000"), null), causes, List.of(), List.of(), null);
        // October was restated after revision 1: November now lost 300 fewer customers than October.
        Packet after = packet(2, summary(10, "50000", "4166.67", change(-300, "-1450000"), null), causes, List.of(), List.of(),
                null);
        assertEquals(List.of("Customers lost vs Oct 2026: +4 \u2192 \u2212300",
                        "ARR lost vs Oct 2026: +$2K \u2192 \u2212$1.5M",
                        "Sections that changed: At a glance."),
                PacketChanges.between(before, after));
    }

    @Test
    void whatOnlyATableShowsIsNamedBySection() {
        List<CauseLine> causes = List.of(cause(1, "PRICE", "Price", 10, "50000"));
        Summary same = summary(10, "50000", "4166.67", change(4, "2000"), null);
        Packet before = packet(1, same, causes, List.of(), List.of(), null);
        Packet after = withNotable(packet(2, same, causes, List.of(), List.of(), null), List.of(new NotableLoss("c-1", "Acme Corp",
                "ENTERPRISE", new BigDecimal("50000"), "PRICE", "Price", "Too dear.", null)));
        assertEquals(List.of("Sections that changed: Notable losses."), PacketChanges.between(before, after));
    }

    @Test
    void aRevisionFromBeforeCallsHadAStateClaimsNoOutcomeAsNew() {
        List<CauseLine> causes = List.of(cause(1, "PRICE", "Price", 10, "50000"));
        Summary same = summary(10, "50000", "4166.67", change(4, "2000"), null);
        AssignmentLine unknown = new AssignmentLine("Ava Chen", "Acme Corp", "ENTERPRISE", "NA", new BigDecimal("50000"), "OTHER",
                "Top ARR loss #1 (50,000)", LocalDate.of(2026, 12, 15), null, null, null, null, null, null, null);
        Packet before = packet(1, same, causes, List.of(unknown), List.of(), null);
        Packet after = packet(2, same, causes, List.of(call("Ava Chen", "Acme Corp", "ENTERPRISE", AssignmentLine.COMPLETED,
                "REACHED", "OTHER", "PRICE", null, null)), List.of(), null);
        assertEquals(List.of("Sections that changed: Calls to make this month."), PacketChanges.between(before, after),
                "the call may have been completed before revision 1 was built");
    }

    private static Packet packet(int revision, Summary summary, List<CauseLine> causes, List<AssignmentLine> calls,
                                 List<ActionLine> actions, CallReview lastMonth) {
        List<YearMonth> months = new ArrayList<>();
        for (int m = 11; m >= 0; m--) {
            months.add(NOVEMBER.minusMonths(m));
        }
        return new Packet(NOVEMBER, revision, Instant.parse("2026-12-01T06:00:00Z").plusSeconds(revision * 3600L), 3, "USD",
                summary, causes, List.of(), new Trend(months, List.of()), List.of(), List.of(), List.of(), List.of(), lastMonth,
                actions, calls, List.of(), null);
    }

    private static Packet withNotable(Packet p, List<NotableLoss> notable) {
        return new Packet(p.month(), p.revision(), p.builtAt(), p.taxonomyVersion(), p.reportingCurrency(), p.summary(),
                p.causes(), p.emerging(), p.trend(), p.bySegment(), p.byRegion(), notable, p.stories(), p.lastMonthCalls(),
                p.actions(), p.assignments(), p.changes(), p.narrative());
    }

    /** @param churn the customer churn rate against a known base, null without a base */
    private static Summary summary(int customers, String arr, String mrr, Change vsPrior, String churn) {
        MonthBaseView base = churn == null ? null : new MonthBaseView(
                new MonthBase(NOVEMBER, true, null, null, null, 0, List.of(), List.of(), List.of(), null),
                new MonthBaseView.Rates(new BigDecimal(churn), null, null, null, null));
        return new Summary(customers, 3 * customers, new BigDecimal(mrr), new BigDecimal(arr), new BigDecimal(arr).multiply(
                BigDecimal.valueOf(2)), 0, vsPrior, null, customers, new BigDecimal(arr), 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, base);
    }

    private static Change change(int customers, String arr) {
        return new Change(null, null, BigDecimal.valueOf(customers), new BigDecimal(arr), null);
    }

    private static CauseLine cause(int rank, String code, String label, int customers, String arr) {
        return new CauseLine(rank, code, label, customers, new BigDecimal(arr), null, null, null, null);
    }

    private static AssignmentLine call(String executive, String account, String segment, String status, String outcome,
                                       String classified, String learned, String notes, String movedTo) {
        return new AssignmentLine(executive, account, segment, "NA", new BigDecimal("424587.00"),
                learned == null ? classified : learned, "You know the " + segment + " segment.", LocalDate.of(2026, 12, 15),
                null, status, outcome, classified, learned, notes, movedTo);
    }

    private static ActionLine action(String title, String cause, String status) {
        return new ActionLine(title, cause, "Dana (support)", LocalDate.of(2027, 1, 31), status, false,
                YearMonth.of(2026, 10), 10, new BigDecimal("50000"), 12, new BigDecimal("60000"));
    }
}
