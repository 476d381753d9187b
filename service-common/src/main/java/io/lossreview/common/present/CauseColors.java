package io.lossreview.common.present;

import java.util.Map;

/**
 * One color per cause code, the same on the dashboard, in every packet and in every revision, so a
 * reader learns that "Price" is blue once. The default taxonomy's causes have fixed colors from a
 * colorblind-friendly qualitative palette (Tableau 10, slightly darkened for print); a cause a later
 * taxonomy adds gets one of the spare colors, chosen by its code, so it too keeps its color.
 */
public final class CauseColors {

    private static final Map<String, String> FIXED = Map.of(
            "PRICE", "#4E79A7",
            "COMPETITOR", "#F28E2B",
            "PRODUCT_QUALITY", "#E15759",
            "MISSING_FEATURES", "#59A14F",
            "SUPPORT", "#B07AA1",
            "EASE_OF_USE", "#EDC948",
            "NO_LONGER_NEEDED", "#76B7B2",
            "INVOLUNTARY", "#9C755F",
            "OTHER", "#8C8C8C");
    private static final String[] SPARE = {"#FF9DA7", "#1F4E79", "#6B8E23", "#C71585", "#2F9C95", "#D2691E", "#5D5D9C"};
    private static final String NONE = "#BAB0AC";

    private CauseColors() {
    }

    /** The cause's color as #RRGGBB. */
    public static String hex(String cause) {
        if (cause == null || cause.isBlank()) {
            return NONE;
        }
        String fixed = FIXED.get(cause);
        return fixed != null ? fixed : SPARE[Math.floorMod(cause.hashCode(), SPARE.length)];
    }
}
