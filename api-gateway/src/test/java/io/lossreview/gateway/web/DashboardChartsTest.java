package io.lossreview.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.present.CauseColors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's charts color a cause as the packet does, whatever its rank, and draw no rate without a base. */
class DashboardChartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DashboardCharts charts = new DashboardCharts(JSON);

    @Test
    void aCauseKeepsItsColorWhateverItsRank() throws Exception {
        Map<String, Object> price = cause("PRICE", "Price", "900.00", "0.6");
        Map<String, Object> support = cause("SUPPORT", "Support", "600.00", "1.0");
        JsonNode march = JSON.readTree(charts.pareto(List.of(price, support)));
        JsonNode april = JSON.readTree(charts.pareto(List.of(support, price)));
        assertEquals(List.of(CauseColors.hex("PRICE"), CauseColors.hex("SUPPORT")), colors(march));
        assertEquals(List.of(CauseColors.hex("SUPPORT"), CauseColors.hex("PRICE")), colors(april));
    }

    @Test
    void monthsWithoutABaseAreGapsAndNoBaseAtAllIsNoChart() throws Exception {
        Map<String, Object> known = Map.of("month", "2025-02", "known", true, "customerChurn", "0.024000", "grossMrrChurn", "0.031000");
        Map<String, Object> unknown = Map.of("month", "2025-01", "known", false);
        JsonNode chart = JSON.readTree(charts.rates(Map.of("rates", List.of(unknown, known))));
        assertEquals("[null,2.4]", chart.path("data").path("datasets").path(0).path("data").toString());
        assertNull(charts.rates(Map.of("rates", List.of(unknown))));
        assertNull(charts.rates(Map.of("causes", List.of())), "an answer without rates");
    }

    @Test
    void monthsBeforeTheFirstLossAreNoPointsNotZeros() throws Exception {
        Map<String, Object> trend = Map.of("causes", List.of(Map.of("cause", "PRICE", "months", List.of(
                Map.of("month", "2025-01", "customers", 0, "arrLost", "0"),
                Map.of("month", "2025-02", "customers", 2, "arrLost", "1200.00"),
                Map.of("month", "2025-03", "customers", 0, "arrLost", "0")))));
        JsonNode chart = JSON.readTree(charts.trend(trend, List.of("PRICE"), Map.of("PRICE", "Price")));
        assertEquals("[null,1200.0,0.0]", chart.path("data").path("datasets").path(0).path("data").toString(),
                "a month without losses after the first is a real zero");
    }

    @Test
    void theTopThreeCausesAreColouredAndTheRestGrey() throws Exception {
        List<String> ranked = List.of("PRICE", "SUPPORT", "COMPETITOR", "MISSING_FEATURES", "OTHER");
        List<Object> series = ranked.stream().<Object>map(c -> Map.of("cause", c, "months", List.of(
                Map.of("month", "2025-01", "customers", 1, "arrLost", "100.00")))).toList();
        JsonNode chart = JSON.readTree(charts.trend(Map.of("causes", series), ranked, Map.of()));
        JsonNode lines = chart.path("data").path("datasets");
        assertEquals(5, lines.size());
        for (int i = 0; i < 5; i++) {
            JsonNode line = lines.path(i);
            boolean top = i < DashboardCharts.HIGHLIGHTED;
            assertEquals(top, line.path("borderColor").asText().equals(CauseColors.hex(ranked.get(i))), line.toString());
            assertEquals(top ? 3 : 1, line.path("borderWidth").asInt(), line.toString());
        }
        assertEquals(lines.path(3).path("borderColor"), lines.path(4).path("borderColor"), "the context lines share one grey");
    }

    private static Map<String, Object> cause(String code, String label, String arr, String cumulative) {
        return Map.of("cause", code, "label", label, "arrLost", arr, "cumulativeShare", cumulative);
    }

    private static List<String> colors(JsonNode chart) {
        JsonNode bars = null;
        for (JsonNode d : chart.path("data").path("datasets")) {
            bars = d.path("type").asText().equals("bar") ? d : bars;
        }
        return JSON.convertValue(bars.path("backgroundColor"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
