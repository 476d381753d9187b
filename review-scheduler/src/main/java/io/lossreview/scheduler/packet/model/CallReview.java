package io.lossreview.scheduler.packet.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** Section 7: the previous packet's executive calls and what came of them. */
public record CallReview(YearMonth month, int assigned, int reached, int notReached, int declined, int open,
                         int causesCorrected, List<CallLearning> learnings, List<WinBackCredit> winBacks) {

    /** What one call found out. learnedCause is null when nothing new was learned; segment null in older revisions. */
    public record CallLearning(String executive, String accountName, String segment, String outcome,
                               String classifiedCause, String learnedCause, String notes) {
    }

    /** A reactivation within the window after a completed call, credited to the executive. */
    public record WinBackCredit(String executive, String accountName, BigDecimal arrRecovered) {
    }
}
