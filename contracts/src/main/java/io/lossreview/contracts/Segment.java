package io.lossreview.contracts;

/** CRM customer segment. */
public enum Segment {
    SMB, MID_MARKET, ENTERPRISE
}
