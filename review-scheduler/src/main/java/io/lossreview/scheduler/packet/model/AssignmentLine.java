package io.lossreview.scheduler.packet.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Section 9: a customer an executive is asked to call this month, why it went to them, and where the call stands.
 * Revisions built before the call's state was frozen with the packet read the newer fields as null.
 *
 * @param cause           the cause the loss stands under now: what the call learned, else the analyzer's current one
 * @param status          ASSIGNED, COMPLETED or REASSIGNED (a call moved to {@code reassignedTo})
 * @param outcome         REACHED, NOT_REACHED or DECLINED once completed
 * @param classifiedCause the cause the call was assigned under
 * @param learnedCause    the cause the executive learned on the call, when they learned one
 * @param notes           what the executive wrote down
 */
public record AssignmentLine(String executive, String accountName, String segment, String region,
                             BigDecimal arrLost, String cause, String why, LocalDate dueDate, UUID defectionId,
                             String status, String outcome, String classifiedCause, String learnedCause, String notes,
                             String reassignedTo) {

    public static final String ASSIGNED = "ASSIGNED";
    public static final String COMPLETED = "COMPLETED";
    public static final String REASSIGNED = "REASSIGNED";

    /** Still someone's call this month: not moved to another executive (older revisions listed only those). */
    public boolean live() {
        return !REASSIGNED.equals(status);
    }
}
