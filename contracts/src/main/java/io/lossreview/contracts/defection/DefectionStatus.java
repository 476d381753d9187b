package io.lossreview.contracts.defection;

/** What became of the customer of a defection. */
public enum DefectionStatus {
    /** Lost: no active subscription left after the loss (or the base does not know of any). */
    LOST,
    /** Lost, then came back (a reactivation or a new subscription within the win-back window). */
    WON_BACK,
    /**
     * Not lost after all: the subscription ledger shows another subscription active after these ended, so
     * the cancellations were a contraction (MRR lost, customer kept). A defection announced as LOST that
     * turns out to be one is announced again with this status, and counts as no loss anywhere.
     */
    CONTRACTION
}
