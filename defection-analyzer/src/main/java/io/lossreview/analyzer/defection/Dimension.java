package io.lossreview.analyzer.defection;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a month's losses are broken down by; {@link #key()} is the name in the API and in month_total. */
public enum Dimension {
    SEGMENT, REGION, PLAN, TENURE, VOLUNTARY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Dimension::key).toList();
    }

    /** @throws IllegalArgumentException for a key that is none of {@link #keys()} */
    public static Dimension of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
