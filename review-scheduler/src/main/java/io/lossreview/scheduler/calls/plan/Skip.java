package io.lossreview.scheduler.calls.plan;

/** A candidate who gets no call this month, with a reason code (one of the constants below). */
public record Skip(Candidate candidate, String reason) {

    /** The customer asked not to be contacted (on any of their defections). */
    public static final String DO_NOT_CONTACT = "do-not-contact";
    /** The customer came back; a loss call would be odd. */
    public static final String WON_BACK = "won-back";
    /** Neither e-mail nor phone is known. */
    public static final String NO_CONTACT_DATA = "no-contact-data";
    /** An executive called them within the recent-call window. */
    public static final String CALLED_RECENTLY = "called-recently";
    /** Involuntary loss and the rules exclude those. */
    public static final String INVOLUNTARY = "involuntary";
    /** Another defection of the same customer ranks higher; one call per customer. */
    public static final String DUPLICATE_CUSTOMER = "duplicate-customer";
    /** Eligible, but ranked out: every call slot went to higher-priority customers. */
    public static final String NOT_SELECTED = "not-selected";
    /** Eligible, but the roster has no active executive with capacity at all. */
    public static final String NO_CAPACITY = "no-capacity";
    /** Eligible and a slot was free, but only the customer's own account owner had capacity left. */
    public static final String OWNER_CONFLICT = "owner-conflict";
}
