package io.lossreview.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.present.CauseColors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart.js configurations for the dashboard, built from the API's figures. The browser only draws
 * them (assets/app.js): no figure is computed in JavaScript.
 */
final class DashboardCharts {

    /** Lines that are no cause: the Pareto curve, the churn rates. */
    private static final String LINE = "#1f2d3d";
    private static final String MRR_LINE = "#c0504d";
    /** Causes past the highlighted ones: present for context, quiet so the top ones stay legible. */
    private static final String CONTEXT_LINE = "#c3c8cf";
    /** How many of the trended causes are drawn in their own colour. */
    static final int HIGHLIGHTED = 3;

    private final ObjectMapper mapper;

    DashboardCharts(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Bars: ARR lost per cause in rank order; line: the cumulative share (the Pareto curve). */
    String pareto(List<Object> causes) {
        List<String> labels = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        List<Double> arr = new ArrayList<>();
        List<Double> cumulative = new ArrayList<>();
        for (Object o : causes) {
            Map<?, ?> c = (Map<?, ?>) o;
            labels.add(String.valueOf(c.get("label")));
            colors.add(CauseColors.hex(String.valueOf(c.get("cause"))));
            arr.add(number(c.get("arrLost")));
            cumulative.add(new BigDecimal(String.valueOf(c.get("cumulativeShare"))).movePointRight(2).doubleValue());
        }
        Map<String, Object> bars = dataset("bar", "ARR lost", arr, LINE);
        bars.put("backgroundColor", colors); // each cause its own color, as in the packet
        bars.put("borderColor", colors);
        bars.put("yAxisID", "arr");
        Map<String, Object> line = dataset("line", "Cumulative share %", cumulative, LINE);
        line.put("yAxisID", "share");
        Map<String, Object> scales = Map.of(
                "arr", Map.of("type", "linear", "position", "left", "title", Map.of("display", true, "text", "ARR lost")),
                "share", Map.of("type", "linear", "position", "right", "min", 0, "max", 100,
                        "grid", Map.of("drawOnChartArea", false), "title", Map.of("display", true, "text", "cumulative %")));
        return json(config("bar", labels, List.of(line, bars), scales));
    }

    /**
     * One line per cause: ARR lost per month over the trend's months; no points before the first month with losses.
     * The first {@link #HIGHLIGHTED} causes (in the order given: rank) keep their colour and a thick line, the
     * others are thin and grey, so five lines never tangle into one knot of colours.
     */
    String trend(Map<String, Object> trend, List<String> causes, Map<String, String> labels) {
        List<String> months = new ArrayList<>();
        List<Object> datasets = new ArrayList<>();
        int first = firstMonthWithLosses(trend);
        for (Object o : (List<?>) trend.getOrDefault("causes", List.of())) {
            Map<?, ?> series = (Map<?, ?>) o;
            String cause = String.valueOf(series.get("cause"));
            if (!causes.contains(cause)) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            months.clear();
            for (Object p : (List<?>) series.get("months")) {
                Map<?, ?> point = (Map<?, ?>) p;
                months.add(String.valueOf(point.get("month")));
                values.add(months.size() - 1 < first ? null : number(point.get("arrLost")));
            }
            boolean highlighted = causes.indexOf(cause) < HIGHLIGHTED;
            Map<String, Object> line = dataset("line", labels.getOrDefault(cause, cause), values,
                    highlighted ? CauseColors.hex(cause) : CONTEXT_LINE);
            line.put("borderWidth", highlighted ? 3 : 1);
            line.put("order", highlighted ? 0 : 1); // highlighted lines are drawn over the grey ones
            datasets.add(line);
        }
        Map<String, Object> scales = Map.of("y", Map.of("title", Map.of("display", true, "text", "ARR lost")));
        return json(config("line", months, datasets, scales));
    }

    /** The index of the first month any cause lost a customer in; every series covers the same months. */
    private static int firstMonthWithLosses(Map<String, Object> trend) {
        int first = Integer.MAX_VALUE;
        for (Object o : (List<?>) trend.getOrDefault("causes", List.of())) {
            List<?> points = (List<?>) ((Map<?, ?>) o).get("months");
            for (int m = 0; m < points.size() && m < first; m++) {
                if (((Number) ((Map<?, ?>) points.get(m)).get("customers")).intValue() > 0) {
                    first = m;
                }
            }
        }
        return first;
    }

    /**
     * Customer churn and gross MRR churn per month, in percent; a month without a known base is a gap, never a zero.
     *
     * @return null when no month of the trend has a known base
     */
    String rates(Map<String, Object> trend) {
        List<String> months = new ArrayList<>();
        List<Double> customers = new ArrayList<>();
        List<Double> mrr = new ArrayList<>();
        boolean any = false;
        if (!(trend.get("rates") instanceof List<?> rates)) {
            return null; // an analyzer from before the customer base
        }
        for (Object o : rates) {
            Map<?, ?> point = (Map<?, ?>) o;
            months.add(String.valueOf(point.get("month")));
            customers.add(percent(point.get("customerChurn")));
            mrr.add(percent(point.get("grossMrrChurn")));
            any |= point.get("customerChurn") != null;
        }
        if (!any) {
            return null;
        }
        Map<String, Object> scales = Map.of("y", Map.of("min", 0, "title", Map.of("display", true, "text", "% of the start")));
        return json(config("line", months, List.of(dataset("line", "Customer churn %", customers, LINE),
                dataset("line", "Gross MRR churn %", mrr, MRR_LINE)), scales));
    }

    private static Double percent(Object fraction) {
        return fraction == null ? null : new BigDecimal(String.valueOf(fraction)).movePointRight(2).doubleValue();
    }

    private static Map<String, Object> dataset(String type, String label, List<Double> data, String colour) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", type);
        d.put("label", label);
        d.put("data", data);
        d.put("borderColor", colour);
        d.put("backgroundColor", colour);
        return d;
    }

    /** Charts only draw: plain numbers suffice here, the figures shown as text stay decimal. */
    private static Double number(Object amount) {
        return new BigDecimal(String.valueOf(amount)).doubleValue();
    }

    private static Map<String, Object> config(String type, List<String> labels, List<?> datasets,
                                              Map<String, Object> scales) {
        return Map.of("type", type, "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("animation", false, "maintainAspectRatio", false, "scales", scales,
                        "plugins", Map.of("legend", Map.of("position", "bottom"))));
    }

    private String json(Object config) {
        try {
            return mapper.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart configurations are plain maps", e);
        }
    }
}
