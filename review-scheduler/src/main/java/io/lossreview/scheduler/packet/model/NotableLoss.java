package io.lossreview.scheduler.packet.model;

import java.math.BigDecimal;

/**
 * Section 5: one of the largest losses, with the customer's stated reason verbatim (may be null) and, when a
 * person decided its cause, who and how (null otherwise, and in revisions built before this was recorded).
 */
public record NotableLoss(String customerId, String accountName, String segment, BigDecimal arrLost, String cause,
                          String causeLabel, String statedReason, CauseDecision decision) {
}
