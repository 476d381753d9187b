package io.lossreview.scheduler.packet.model;

/**
 * A loss's cause as a person decided it, shown next to the customer's words: an executive who reached the
 * customer on a call, or ops by hand. Absent (null) where the classifier's cause stands.
 *
 * @param source          {@link #CALL} or {@link #OPS}
 * @param decidedBy       the executive's name for a call, the ops person's sign-in name otherwise; may be null
 * @param cause           the cause code decided
 * @param classifiedCause the cause the call was assigned under, before the call; null for ops' decisions
 * @param learned         what the executive wrote down on the call; null when nothing or not a call
 */
public record CauseDecision(String source, String decidedBy, String cause, String classifiedCause, String learned) {

    public static final String CALL = "CALL";
    public static final String OPS = "OPS";
}
