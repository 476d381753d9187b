package io.lossreview.scheduler.packet.model;

import java.math.BigDecimal;

/** Section 4: one segment or region. */
public record BreakdownLine(String bucket, int customers, BigDecimal arrLost, BigDecimal shareOfValue) {
}
