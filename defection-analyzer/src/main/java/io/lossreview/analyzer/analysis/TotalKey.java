package io.lossreview.analyzer.analysis;

import java.time.YearMonth;

/** One row of month_total: a month, a breakdown dimension ("all" for the whole month), a bucket and a cause. */
public record TotalKey(YearMonth month, String dimension, String bucket, String cause) {

    public static final String ALL = "all";
}
