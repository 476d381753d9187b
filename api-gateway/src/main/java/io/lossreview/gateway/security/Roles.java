package io.lossreview.gateway.security;

/** The roles a bearer token's groups claim may carry. */
public final class Roles {

    /** Taxonomy, roster, FX rates, rebuilds. */
    public static final String ADMIN = "admin";
    /** Everything analytical, the review queue, rejected events, anyone's assignments. */
    public static final String OPS = "ops";
    /** Dashboard, packets, only their own assignments. */
    public static final String EXECUTIVE = "executive";
    /** Billing and CRM systems: ingest only. */
    public static final String SOURCE_SYSTEM = "source-system";

    private Roles() {
    }
}
