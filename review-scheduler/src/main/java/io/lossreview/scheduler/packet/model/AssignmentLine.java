package io.lossreview.scheduler.packet.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Section 9: a customer an executive is asked to call this month, and why it went to them. */
public record AssignmentLine(String executive, String accountName, String segment, String region,
                             BigDecimal arrLost, String cause, String why, LocalDate dueDate) {
}
