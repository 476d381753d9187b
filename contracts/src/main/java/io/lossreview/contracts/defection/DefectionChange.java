package io.lossreview.contracts.defection;

/** What changed in this revision of a defection. */
public enum DefectionChange {
    /** First event about the lost customer. */
    RECORDED,
    /** Another source (billing or CRM) added facts. */
    ENRICHED,
    /** Value converted to the reporting currency (it was pending before). */
    VALUED,
    /** The customer came back. */
    WON_BACK,
    /** The subscription ledger moved it between LOST and CONTRACTION (another subscription did, or did not, stay active). */
    RECLASSIFIED
}
