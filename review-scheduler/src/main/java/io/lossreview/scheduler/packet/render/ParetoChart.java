package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.CauseLine;
import io.quarkus.qute.RawString;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Section 2's Pareto chart: bars = ARR lost per cause (ranked), line = cumulative share of ARR lost. */
final class ParetoChart {

    static final String ID = "pareto-chart";
    static final String EMPTY = "No losses this month";

    private ParetoChart() {
    }

    static RawString svg(List<CauseLine> causes, CauseLegend legend, String currency) {
        boolean anyValue = causes.stream().anyMatch(c -> c.arrLost() != null && c.arrLost().signum() > 0);
        if (!anyValue) {
            return ChartSvg.placeholder(ID, EMPTY);
        }
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
        List<Paint> barColors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CauseLine c : causes) {
            String key = ChartStyle.wrap(uniqueKey(legend.label(c.cause()), c.cause(), seen), causes.size());
            bars.addValue(orZero(c.arrLost()), "ARR lost", key);
            cumulative.addValue(orZero(c.cumulativeShare()).movePointRight(2), "Cumulative share", key);
            barColors.add(legend.color(c.cause()));
        }
        CategoryPlot plot = new CategoryPlot();
        plot.setDomainAxis(ChartStyle.categoryAxis(0.3));
        plot.setDataset(0, bars);
        plot.setRenderer(0, barRenderer(barColors, currency));
        plot.setRangeAxis(0, moneyAxis(currency));
        plot.setDataset(1, cumulative);
        plot.setRenderer(1, lineRenderer());
        plot.setRangeAxis(1, shareAxis());
        plot.mapDatasetToRangeAxis(1, 1);
        // The line is drawn over the bars.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ChartSvg.render(ChartStyle.apply(chart, plot), ID);
    }

    private static String uniqueKey(String label, String cause, Set<String> seen) {
        String key = seen.contains(label) ? label + " (" + cause + ")" : label;
        seen.add(key);
        return key;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static BarRenderer barRenderer(List<Paint> colors, String currency) {
        // One color per cause (the packet-wide legend), not one per series.
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colors.get(column);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.14);
        renderer.setDefaultItemLabelGenerator(
                new StandardCategoryItemLabelGenerator("{2}", ChartStyle.compactMoney(currency)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        renderer.setDefaultItemLabelPaint(ChartStyle.INK);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        return renderer;
    }

    private static LineAndShapeRenderer lineRenderer() {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, ChartStyle.INK);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        return renderer;
    }

    private static NumberAxis moneyAxis(String currency) {
        NumberAxis axis = new NumberAxis("ARR lost");
        axis.setNumberFormatOverride(ChartStyle.compactMoney(currency));
        // Room above the tallest bar for its label.
        axis.setUpperMargin(0.15);
        return axis;
    }

    private static NumberAxis shareAxis() {
        NumberAxis axis = new NumberAxis("Cumulative share");
        // A little headroom so the 100% point is not cut in half by the plot edge.
        axis.setRange(0, 104);
        axis.setTickUnit(new NumberTickUnit(25));
        axis.setNumberFormatOverride(ChartStyle.percent());
        return axis;
    }
}
