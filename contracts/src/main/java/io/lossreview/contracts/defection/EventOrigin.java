package io.lossreview.contracts.defection;

/** Which kind of source system contributed to a defection. */
public enum EventOrigin {
    BILLING, CRM
}
