package io.lossreview.scheduler.packet.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Section 8: an action item and how its cause moved since it was opened (month opened vs the packet's month). */
public record ActionLine(String title, String cause, String owner, LocalDate dueDate, String status, boolean overdue,
                         YearMonth openedMonth, int causeCustomersWhenOpened, BigDecimal causeArrWhenOpened,
                         int causeCustomersNow, BigDecimal causeArrNow) {
}
