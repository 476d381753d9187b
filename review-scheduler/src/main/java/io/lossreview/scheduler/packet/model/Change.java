package io.lossreview.scheduler.packet.model;

import java.math.BigDecimal;

/** Against a reference month (or average): the differences, and ARR in percent (null if the reference is 0). */
public record Change(BigDecimal referenceCustomers, BigDecimal referenceArrLost, BigDecimal customers,
                     BigDecimal arrLost, BigDecimal arrLostPercent) {
}
