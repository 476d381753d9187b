package io.lossreview.scheduler.packet.model;

import java.math.BigDecimal;

/** Section 6: a customer's own words for a top cause; {@code decision} as in {@link NotableLoss}. */
public record Story(String cause, String causeLabel, String accountName, String segment, BigDecimal arrLost,
                    String quote, CauseDecision decision) {
}
