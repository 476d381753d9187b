package io.lossreview.scheduler.calls.plan;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How call reasons and briefs put codes, money and moments into words. The planner only knows cause codes and
 * plain amounts; the packet side, which knows the causes' labels, the reporting currency and the business
 * time zone, supplies the words, so a brief reads like the packet does.
 */
public interface Wording {

    /** A cause code's label: PRODUCT_QUALITY → "Product quality". */
    String cause(String code);

    /** An amount with its currency: "$424,587". */
    String money(BigDecimal amount);

    /** A segment or region as people write it: ENTERPRISE → "Enterprise", EMEA stays. */
    String bucket(String name);

    /** A moment in the business time zone: "5 Dec 2026, 16:18 UTC". */
    String when(Instant instant);
}
