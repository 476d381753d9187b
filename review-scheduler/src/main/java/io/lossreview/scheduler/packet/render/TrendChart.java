package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.Trend;
import io.quarkus.qute.RawString;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.util.SortOrder;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Section 3's line chart: ARR lost per month for each of the top causes. The month's three costliest causes are
 * drawn in their own colours, over the others in light grey: five coloured lines tangle and none reads.
 */
final class TrendChart {

    static final String ID = "trend-chart";
    static final String EMPTY = "No losses in the last 12 months";
    /** How many causes keep their colour; the rest are context. */
    static final int HIGHLIGHTED = 3;
    static final Color CONTEXT = new Color(0xC4C8CF);

    private TrendChart() {
    }

    static RawString svg(Trend trend, CauseLegend legend, String currency) {
        if (trend == null || trend.months().isEmpty() || trend.series().isEmpty()) {
            return ChartSvg.placeholder(ID, EMPTY);
        }
        List<YearMonth> months = trend.months();
        List<String> monthLabels = monthLabels(months);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        Set<String> seen = new HashSet<>();
        int first = firstMonthWithLosses(trend);
        int row = 0;
        for (Trend.Series s : trend.series()) {
            String key = legend.label(s.cause());
            key = seen.add(key) ? key : key + " (" + s.cause() + ")";
            for (int m = 0; m < months.size(); m++) {
                // Before the first month with losses there is no data, not a month of zero: no point at all.
                BigDecimal value = m >= first && m < s.arrLost().size() ? s.arrLost().get(m) : null;
                data.addValue(value, key, monthLabels.get(m));
            }
            boolean highlighted = row < HIGHLIGHTED;
            renderer.setSeriesPaint(row, highlighted ? legend.color(s.cause()) : CONTEXT);
            renderer.setSeriesStroke(row, new BasicStroke(highlighted ? 2.5f : 1.5f, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(row, highlighted ? new Ellipse2D.Double(-3, -3, 6, 6) : new Ellipse2D.Double(-2, -2, 4, 4));
            row++;
        }
        CategoryAxis months12 = ChartStyle.categoryAxis(0.0);
        NumberAxis money = new NumberAxis("ARR lost");
        money.setNumberFormatOverride(ChartStyle.compactMoney(currency));
        CategoryPlot plot = new CategoryPlot(data, months12, money, renderer);
        // The grey lines first, the coloured ones over them; the legend still lists the costliest first.
        LegendItemCollection inOrder = new LegendItemCollection();
        for (int r = 0; r < row; r++) {
            inOrder.add(renderer.getLegendItem(0, r));
        }
        plot.setFixedLegendItems(inOrder);
        plot.setRowRenderingOrder(SortOrder.DESCENDING);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartSvg.render(ChartStyle.apply(chart, plot), ID);
    }

    /** The index of the first month any series lost something in (the last one when none did). */
    static int firstMonthWithLosses(Trend trend) {
        for (int m = 0; m < trend.months().size(); m++) {
            for (Trend.Series s : trend.series()) {
                if (m < s.arrLost().size() && s.arrLost().get(m) != null && s.arrLost().get(m).signum() > 0
                        || m < s.customers().size() && s.customers().get(m) != null && s.customers().get(m) > 0) {
                    return m;
                }
            }
        }
        return trend.months().size() - 1;
    }

    /** "Apr", "May", … with the year under the first month and under each January: a classic time axis. */
    private static List<String> monthLabels(List<YearMonth> months) {
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int m = 0; m < months.size(); m++) {
            YearMonth month = months.get(m);
            String name = month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            String label = m == 0 || month.getMonthValue() == 1 ? name + "\n" + month.getYear() : name;
            // More than 12 months would repeat a name: then every label carries its year.
            labels.add(seen.add(label) ? label : Formats.monthShort(month));
        }
        return labels;
    }
}
