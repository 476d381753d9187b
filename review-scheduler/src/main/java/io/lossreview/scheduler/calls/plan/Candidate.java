package io.lossreview.scheduler.calls.plan;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A departing customer an executive might call this month: one defection as the planner sees it.
 *
 * @param arrLost      ARR lost in the reporting currency; null while the value is pending (ranks last)
 * @param cause        classified cause code, e.g. PRICE; nullable
 * @param hasContact   an e-mail address or phone number is known
 * @param accountOwner the account owner's name or e-mail as the CRM wrote it; nullable
 * @param lastCalledAt the last executive call to this customer; null when never called
 */
public record Candidate(String defectionId, String customerId, String accountName, String segment, String region,
                        BigDecimal arrLost, String cause, boolean voluntary, boolean wonBack, boolean doNotContact,
                        boolean hasContact, String accountOwner, Instant lastCalledAt) {
}
