package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.scheduler.packet.model.EmergingLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.render.SummaryView.Delta;
import io.quarkus.qute.RawString;

import java.time.YearMonth;
import java.util.List;

/** Sections 2 and 3: ranked causes with the Pareto chart, emerging causes, and the trend chart. */
record CausesView(List<CauseRow> rows, List<CauseRow> top, RawString pareto, List<EmergingRow> emerging,
                  RawString trend, String trendNote) {

    record CauseRow(int rank, String label, String color, String customers, String arrLost, String shareOfValue,
                    String shareOfVolume, String cumulativeShare, Delta customersChange, Delta arrChange) {
    }

    record EmergingRow(String label, String color, String count, String explanation) {
    }

    static CausesView of(Packet p, CauseLegend legend) {
        String currency = p.reportingCurrency();
        List<CauseRow> rows = p.causes().stream().map(c -> row(c, legend, currency)).toList();
        List<EmergingRow> emerging = p.emerging().stream().map(e -> new EmergingRow(
                legend.label(e.cause()), legend.hex(e.cause()), customers(e),
                Formats.text(e.explanation()))).toList();
        // The summary page names the top three.
        List<CauseRow> top = rows.subList(0, Math.min(3, rows.size()));
        return new CausesView(rows, top, ParetoChart.svg(p.causes(), legend, currency), emerging,
                TrendChart.svg(p.trend(), legend, currency), trendNote(p));
    }

    private static CauseRow row(CauseLine c, CauseLegend legend, String currency) {
        Change prior = c.vsPriorMonth();
        Delta none = new Delta("n/a", "flat");
        return new CauseRow(c.rank(), legend.label(c.cause()), legend.hex(c.cause()), Formats.count(c.customers()),
                Formats.money(c.arrLost(), currency), Formats.share(c.shareOfValue()),
                Formats.share(c.shareOfVolume()), Formats.share(c.cumulativeShare()),
                prior == null ? none : Delta.count(prior.customers()),
                prior == null ? none : Delta.percent(prior.arrLostPercent(), prior.arrLost()));
    }

    private static String customers(EmergingLine e) {
        return e.count() == 1 ? "1 customer" : Formats.count(e.count()) + " customers";
    }

    private static String trendNote(Packet p) {
        if (p.trend() == null || p.trend().months().isEmpty() || p.trend().series().isEmpty()) {
            return "";
        }
        List<YearMonth> months = p.trend().months();
        int causes = p.trend().series().size();
        String span = Formats.monthMedium(months.get(0)) + " \u2013 " + Formats.monthMedium(months.get(months.size() - 1));
        return "ARR lost per month for the top " + (causes == 1 ? "cause" : causes + " causes") + ", " + span
                + (causes > TrendChart.HIGHLIGHTED ? "; the " + TrendChart.HIGHLIGHTED + " costliest this month in colour,"
                + " the others in grey." : ".");
    }
}
