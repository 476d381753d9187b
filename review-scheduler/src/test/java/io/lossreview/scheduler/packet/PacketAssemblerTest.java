package io.lossreview.scheduler.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lossreview.contracts.defection.StatedReason;
import io.lossreview.contracts.analysis.EmergingCause;
import io.lossreview.contracts.analysis.view.Breakdown;
import io.lossreview.contracts.analysis.view.CauseRanking;
import io.lossreview.contracts.analysis.view.CauseSource;
import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.contracts.analysis.view.MonthPoint;
import io.lossreview.contracts.analysis.view.MonthSummary;
import io.lossreview.contracts.analysis.view.PacketInputs;
import io.lossreview.contracts.analysis.view.RankedCause;
import io.lossreview.contracts.analysis.view.Trend;
import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.CauseDecision;
import io.lossreview.scheduler.packet.model.NotableLoss;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Story;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The packet's sections from hand-made analyzer answers: what is kept, in which order, and which quotes become stories. */
class PacketAssemblerTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Change NONE = new Change(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);

    private static RankedCause cause(int rank, String code, int customers, String arr) {
        return new RankedCause(rank, code, code.charAt(0) + code.substring(1).toLowerCase(), customers, customers,
                BigDecimal.ZERO, new BigDecimal(arr), BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, NONE, NONE, List.of(), null, null, null);
    }

    private static DefectionView loss(String customer, String arr, String cause, double confidence,
                                      boolean review, String stated, String comment) {
        return decided(customer, arr, cause, CauseSource.CLASSIFIER, null, confidence, review, stated, comment);
    }

    private static DefectionView decided(String customer, String arr, String cause, CauseSource source, String decidedBy,
                                         double confidence, boolean review, String stated, String comment) {
        return new DefectionView(UUID.randomUUID(), customer, "Acct " + customer, MARCH, false, true, "SMB", "EMEA",
                "PRO", "1-2y", 1, BigDecimal.ZERO, new BigDecimal(arr), BigDecimal.ZERO, false,
                new StatedReason(null, comment, null, stated, null), cause, null, confidence, source, 1,
                review, List.of(), decidedBy, null, null);
    }

    private static Trend trend(List<Trend.CauseSeries> series) {
        return new Trend(MARCH.minusMonths(11), MARCH, series, List.of());
    }

    private static Packet assemble(List<RankedCause> causes, List<DefectionView> largest,
                                   Map<String, List<DefectionView>> byCause, Trend trend) {
        return assemble(causes, largest, byCause, trend, List.of());
    }

    private static Packet assemble(List<RankedCause> causes, List<DefectionView> largest,
                                   Map<String, List<DefectionView>> byCause, Trend trend, List<AssignmentLine> calls) {
        var summary = new MonthSummary(MARCH, 1, 7, 9, new BigDecimal("650.00"), new BigDecimal("7800.00"),
                new BigDecimal("14300.00"), 1, 1, new BigDecimal("960.00"), new MonthSummary.Split(6, new BigDecimal("7200.00")),
                new MonthSummary.Split(1, new BigDecimal("600.00")), NONE, NONE,
                List.of(new EmergingCause("SUPPORT", 12, new BigDecimal("2.0"), 0.0001, "SUPPORT: 12 losses")), null);
        CauseRanking ranking = new CauseRanking(MARCH, 1, "arr", "ARR lost", causes);
        Breakdown none = new Breakdown(MARCH, "segment", List.of());
        var analysis = new PacketInputs(MARCH, trend.from(), summary, ranking, trend, none, none, largest,
                ranking.top(PacketInputs.TOP_CAUSES), byCause, List.of());
        return PacketAssembler.assemble(new PacketContent(MARCH, analysis, null, List.of(), calls), 1,
                Instant.parse("2026-04-01T06:00:00Z"), "USD");
    }

    @Test
    void causesWithoutLossesAreLeftOutAndTheTrendCoversTwelveMonths() {
        var trend = trend(List.of(new Trend.CauseSeries("PRICE", List.of(
                new MonthPoint(YearMonth.of(2026, 1), 2, new BigDecimal("2400.00")),
                new MonthPoint(MARCH, 2, new BigDecimal("4800.00"))))));
        Packet p = assemble(List.of(cause(1, "PRICE", 2, "4800.00"), cause(2, "SUPPORT", 1, "2400.00"),
                cause(3, "OTHER", 0, "0.00")), List.of(), Map.of(), trend);
        assertEquals(List.of("PRICE", "SUPPORT"), p.causes().stream().map(c -> c.cause()).toList());
        assertEquals(12, p.trend().months().size());
        assertEquals(YearMonth.of(2025, 4), p.trend().months().get(0));
        var price = p.trend().series().get(0);
        assertEquals(List.of(new BigDecimal("2400.00"), BigDecimal.ZERO, new BigDecimal("4800.00")), price.arrLost().subList(9, 12));
        assertEquals(1, p.trend().series().size(), "SUPPORT has no trend data and gets no empty line");
        assertEquals("Support", p.emerging().get(0).label());
        assertEquals(6, p.summary().voluntaryCustomers());
    }

    @Test
    void storiesAreClearConfidentQuotesOfTheMostValuableCustomers() {
        String clear = "Support took three weeks to answer a P1 ticket while our checkout was down.";
        var page = List.of(
                loss("a", "900.00", "SUPPORT", 0.95, false, clear, null),
                loss("b", "5000.00", "SUPPORT", 0.40, false, clear, null),          // too unsure
                loss("c", "4000.00", "SUPPORT", 0.90, true, clear, null),           // waiting for review
                loss("d", "3000.00", "SUPPORT", 0.90, false, "bad", null),          // too short to say anything
                loss("e", "800.00", "SUPPORT", 0.90, false, null, "Nobody ever answered the phone, ever, twice."),
                loss("f", "100.00", "SUPPORT", 0.90, false, clear, null));
        Packet p = assemble(List.of(cause(1, "SUPPORT", 6, "13800.00")), List.of(), Map.of("SUPPORT", page),
                trend(List.of()));
        assertEquals(List.of("Acct a", "Acct e"), p.stories().stream().map(s -> s.accountName()).toList());
        assertEquals("Nobody ever answered the phone, ever, twice.", p.stories().get(1).quote(), "the comment when no stated reason");
    }

    @Test
    void notableLossesAreTheTenLargestWithTheirWords() {
        List<DefectionView> largest = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            largest.add(loss("n" + i, i + "000.00", "PRICE", 0.9, false, i == 12 ? "  Too pricey for us  " : null, null));
        }
        Packet p = assemble(List.of(cause(1, "PRICE", 12, "78000.00")), largest, Map.of(), trend(List.of()));
        assertEquals(10, p.notableLosses().size());
        assertEquals("Too pricey for us", p.notableLosses().get(0).statedReason());
        assertNull(p.notableLosses().get(1).statedReason());
        assertEquals("Price", p.notableLosses().get(0).causeLabel());
    }

    @Test
    void aCauseAPersonDecidedTravelsWithTheLossAndItsWords() {
        String words = "Support took three weeks to answer a P1 ticket while our checkout was down.";
        DefectionView byOps = decided("ops", "9000.00", "SUPPORT", CauseSource.MANUAL, "dana.ops", 1.0, false, words, null);
        DefectionView byApplied = decided("applied", "8000.00", "SUPPORT", CauseSource.CALL, "ava", 1.0, false, words, null);
        // Ava's call found Price; the analyzer has not applied it yet and still says Other.
        DefectionView byPending = decided("pending", "7000.00", "OTHER", CauseSource.CLASSIFIER, null, 0.9, false, words, null);
        AssignmentLine call = new AssignmentLine("Ava Chen", "Acct pending", "SMB", "EMEA", new BigDecimal("7000.00"), "PRICE",
                "You know the SMB segment.", java.time.LocalDate.of(2026, 4, 15), byPending.id(), AssignmentLine.COMPLETED,
                "REACHED", "OTHER", "PRICE", "Renewal quote was 18% higher.", null);
        Packet p = assemble(List.of(cause(1, "SUPPORT", 2, "17000.00"), cause(2, "OTHER", 1, "7000.00"),
                        cause(3, "PRICE", 0, "0.00")), List.of(byOps, byApplied, byPending),
                Map.of("SUPPORT", List.of(byOps, byApplied), "OTHER", List.of(byPending)), trend(List.of()), List.of(call));

        assertEquals(new CauseDecision(CauseDecision.OPS, "dana.ops", "SUPPORT", null, null), p.notableLosses().get(0).decision());
        assertEquals(new CauseDecision(CauseDecision.CALL, "ava", "SUPPORT", null, null), p.notableLosses().get(1).decision());
        NotableLoss pending = p.notableLosses().get(2);
        assertEquals(new CauseDecision(CauseDecision.CALL, "Ava Chen", "PRICE", "OTHER", "Renewal quote was 18% higher."),
                pending.decision());
        assertEquals("PRICE", pending.cause(), "shown under the cause the call found, never its old one");
        assertEquals("Price", pending.causeLabel());
        assertEquals(List.of("Acct ops", "Acct applied"), p.stories().stream().map(Story::accountName).toList(),
                "no story quotes the corrected customer under Other");
        assertEquals(p.notableLosses().get(0).decision(), p.stories().get(0).decision());
    }
}
