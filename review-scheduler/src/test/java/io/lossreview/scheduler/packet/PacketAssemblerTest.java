package io.lossreview.scheduler.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lossreview.contracts.defection.StatedReason;
import io.lossreview.scheduler.analyzer.AnalyzerViews;
import io.lossreview.scheduler.packet.model.Change;
import io.lossreview.scheduler.packet.model.Packet;
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

    private static AnalyzerViews.RankedCause cause(int rank, String code, int customers, String arr) {
        return new AnalyzerViews.RankedCause(rank, code, code.charAt(0) + code.substring(1).toLowerCase(), customers,
                new BigDecimal(arr), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, NONE);
    }

    private static AnalyzerViews.Defection loss(String customer, String arr, String cause, double confidence,
                                                boolean review, String stated, String comment) {
        return new AnalyzerViews.Defection(UUID.randomUUID(), customer, "Acct " + customer, "SMB", "EMEA",
                new BigDecimal(arr), cause, confidence, review, new StatedReason(null, comment, null, stated, null));
    }

    private static Packet assemble(List<AnalyzerViews.RankedCause> causes, List<AnalyzerViews.Defection> largest,
                                   Map<String, AnalyzerViews.DefectionPage> byCause, AnalyzerViews.Trend trend) {
        var summary = new AnalyzerViews.Summary(MARCH, 1, 7, 9, new BigDecimal("650.00"), new BigDecimal("7800.00"),
                new BigDecimal("14300.00"), 1, 1, new BigDecimal("960.00"), new AnalyzerViews.Split(6, new BigDecimal("7200.00")),
                new AnalyzerViews.Split(1, new BigDecimal("600.00")), NONE, NONE,
                List.of(new AnalyzerViews.Emerging("SUPPORT", 12, new BigDecimal("2.0"), 0.0001, "SUPPORT: 12 losses")));
        var inputs = new PacketInputs(MARCH, summary, new AnalyzerViews.Ranking(MARCH, 1, causes), trend,
                new AnalyzerViews.Breakdown(List.of()), new AnalyzerViews.Breakdown(List.of()),
                new AnalyzerViews.DefectionPage(largest, largest.size()), byCause, null, List.of(), List.of());
        return PacketAssembler.assemble(inputs, 1, Instant.parse("2026-04-01T06:00:00Z"), "USD", List.of());
    }

    @Test
    void causesWithoutLossesAreLeftOutAndTheTrendCoversTwelveMonths() {
        var trend = new AnalyzerViews.Trend(List.of(new AnalyzerViews.Series("PRICE", List.of(
                new AnalyzerViews.Point(YearMonth.of(2026, 1), 2, new BigDecimal("2400.00")),
                new AnalyzerViews.Point(MARCH, 2, new BigDecimal("4800.00"))))));
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
        var page = new AnalyzerViews.DefectionPage(List.of(
                loss("a", "900.00", "SUPPORT", 0.95, false, clear, null),
                loss("b", "5000.00", "SUPPORT", 0.40, false, clear, null),          // too unsure
                loss("c", "4000.00", "SUPPORT", 0.90, true, clear, null),           // waiting for review
                loss("d", "3000.00", "SUPPORT", 0.90, false, "bad", null),          // too short to say anything
                loss("e", "800.00", "SUPPORT", 0.90, false, null, "Nobody ever answered the phone, ever, twice."),
                loss("f", "100.00", "SUPPORT", 0.90, false, clear, null)), 6);
        Packet p = assemble(List.of(cause(1, "SUPPORT", 6, "13800.00")), List.of(), Map.of("SUPPORT", page),
                new AnalyzerViews.Trend(List.of()));
        assertEquals(List.of("Acct a", "Acct e"), p.stories().stream().map(s -> s.accountName()).toList());
        assertEquals("Nobody ever answered the phone, ever, twice.", p.stories().get(1).quote(), "the comment when no stated reason");
    }

    @Test
    void notableLossesAreTheTenLargestWithTheirWords() {
        List<AnalyzerViews.Defection> largest = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            largest.add(loss("n" + i, i + "000.00", "PRICE", 0.9, false, i == 12 ? "  Too pricey for us  " : null, null));
        }
        Packet p = assemble(List.of(cause(1, "PRICE", 12, "78000.00")), largest, Map.of(), new AnalyzerViews.Trend(List.of()));
        assertEquals(10, p.notableLosses().size());
        assertEquals("Too pricey for us", p.notableLosses().get(0).statedReason());
        assertNull(p.notableLosses().get(1).statedReason());
        assertEquals("Price", p.notableLosses().get(0).causeLabel());
    }
}
