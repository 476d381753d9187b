package io.lossreview.gateway.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Did the action work? For each action, its cause's losses month by month from the month before it opened (the
 * reference) to the newest month: the same series the packet's actions section shows, drawn from the analyzer's
 * trend, which the board loads once for all actions.
 */
final class ActionTrends {

    /** The longest history one card shows; older months are left out, not squeezed. */
    static final int MAX_MONTHS = 13;

    /** The sparkline's height and bar pitch, in SVG units (drawn as SVG: the pages' CSP allows no inline style). */
    static final int SPARK_HEIGHT = 24;
    static final int BAR_PITCH = 7;

    /** One month of the cause, with its bar: {@code x} from the left, {@code height} scaled to the tallest month. */
    public record Point(String month, int customers, BigDecimal arrLost, int x, int height) {

        public int y() {
            return SPARK_HEIGHT - height;
        }
    }

    /** The cause since the action opened, and a sentence comparing the latest month with the reference month. */
    public record CauseTrend(List<Point> points, String sentence) {

        public int width() {
            return points.size() * BAR_PITCH;
        }
    }

    private ActionTrends() {
    }

    /** The month range to load: from the month before the oldest action opened, at most {@link #MAX_MONTHS} back. */
    static YearMonth from(List<Object> actions, YearMonth to) {
        YearMonth from = to;
        for (Object o : actions) {
            Object opened = ((Map<?, ?>) o).get("openedMonth");
            if (opened != null) {
                YearMonth m = YearMonth.parse(String.valueOf(opened)).minusMonths(1);
                from = m.isBefore(from) ? m : from;
            }
        }
        YearMonth earliest = to.minusMonths(MAX_MONTHS - 1L);
        return from.isBefore(earliest) ? earliest : from;
    }

    /** The action's cause in the loaded trend; null when the trend does not reach the action's months. */
    static CauseTrend of(Map<?, ?> action, Map<String, Object> trend, String label, String currency) {
        Object opened = action.get("openedMonth");
        if (opened == null || !(trend.get("causes") instanceof List<?> causes)) {
            return null;
        }
        YearMonth start = YearMonth.parse(String.valueOf(opened)).minusMonths(1);
        List<?> months = List.of();
        for (Object o : causes) {
            Map<?, ?> series = (Map<?, ?>) o;
            if (String.valueOf(series.get("cause")).equals(String.valueOf(action.get("cause")))) {
                months = (List<?>) series.get("months");
            }
        }
        YearMonth to = YearMonth.parse(String.valueOf(trend.get("to")));
        List<Point> points = new ArrayList<>();
        int tallest = 0;
        for (YearMonth m = start.isBefore(to.minusMonths(MAX_MONTHS - 1L)) ? to.minusMonths(MAX_MONTHS - 1L) : start;
             !m.isAfter(to); m = m.plusMonths(1)) {
            Map<?, ?> point = find(months, m);
            int customers = point == null ? 0 : ((Number) point.get("customers")).intValue();
            BigDecimal arr = point == null ? BigDecimal.ZERO : new BigDecimal(String.valueOf(point.get("arrLost")));
            points.add(new Point(m.toString(), customers, arr, 0, 0));
            tallest = Math.max(tallest, customers);
        }
        if (points.size() < 2) {
            return new CauseTrend(List.of(), "Opened this month: the first comparison comes when the month is over.");
        }
        int top = Math.max(1, tallest);
        List<Point> scaled = new ArrayList<>();
        for (Point p : points) {
            scaled.add(new Point(p.month(), p.customers(), p.arrLost(), scaled.size() * BAR_PITCH,
                    Math.max(1, p.customers() * SPARK_HEIGHT / top)));
        }
        Point before = scaled.get(0);
        Point latest = scaled.get(scaled.size() - 1);
        String sentence = label + ": " + customers(before.customers()) + " in " + Months.title(YearMonth.parse(before.month()))
                + " (before it opened), " + customers(latest.customers()) + " in " + Months.title(YearMonth.parse(latest.month()))
                + "; ARR lost " + PageFormats.signedMoney(latest.arrLost().subtract(before.arrLost()), currency) + ".";
        return new CauseTrend(scaled, sentence);
    }

    private static Map<?, ?> find(List<?> months, YearMonth month) {
        for (Object o : months) {
            Map<?, ?> p = (Map<?, ?>) o;
            if (String.valueOf(p.get("month")).equals(month.toString())) {
                return p;
            }
        }
        return null;
    }

    private static String customers(int n) {
        return n == 1 ? "1 customer lost" : n + " customers lost";
    }
}
