package io.lossreview.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** churn-ingest's business rules; every one has a default and an env override (see README). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /**
     * At most this often, the customer base of every month is measured again when the ledger or the FX
     * rates changed (a duration such as 10s, or off).
     */
    @WithDefault("10s")
    String baseInterval();

    /**
     * While the ledger keeps growing (a bulk load), the bases wait for it to settle, but are measured at least this
     * often all the same.
     */
    @WithDefault("60s")
    Duration baseMaxStaleness();

    /** ISO 4217 code all values are reported in. */
    @WithDefault("USD")
    String reportingCurrency();

    /** Billing and CRM events of one customer this close in time are one loss episode. */
    @WithDefault("45d")
    Duration correlationWindow();

    /** A reactivation this soon after the loss makes the defection a win-back. */
    @WithDefault("90d")
    Duration winBackWindow();

    /** Larger payloads are rejected unread. */
    @WithDefault("262144")
    int maxPayloadBytes();

    /** Larger request bodies (POST /events) are refused with 413 unread. */
    @WithDefault("4194304")
    int maxBodyBytes();

    /** Events in one POST /events batch; more are refused with 413 (send smaller batches). */
    @WithDefault("1000")
    int maxBatchEvents();

    /** Violations listed in one 400 answer (the first ones of each event, at most 20 an event). */
    @WithDefault("200")
    int maxViolationsListed();

    /** An MRR above this (in its own currency) is treated as a data error, not a customer. */
    @WithDefault("10000000")
    BigDecimal maxMrr();

    /** Occurrence dates may be at most this far ahead of now (clock skew). */
    @WithDefault("1d")
    Duration futureTolerance();

    /**
     * Kafka consumers, each on all three inbound topics (a share of their partitions); more than
     * the 6 partitions would idle.
     */
    @WithDefault("2")
    int consumers();

    Stripe stripe();

    /** Stripe's webhook: the endpoint secret signs every call (Stripe-Signature header). */
    interface Stripe {

        /** whsec_... from the Stripe dashboard; without it the webhook answers 503. */
        Optional<String> webhookSecret();

        /** How old (or how far ahead) a signed timestamp may be: Stripe's default is 5 minutes. */
        @WithDefault("5m")
        Duration tolerance();
    }
}
