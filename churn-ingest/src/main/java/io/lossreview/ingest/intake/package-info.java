/**
 * How churn events come in: from Kafka (ChurnEventConsumer, on the platform's consumer path) and
 * from REST and Stripe's webhook (EventSubmission, through the same consumer's decode and apply).
 * Depends on inbound (decoding, validation) and defection (what an event does); nothing depends back.
 */
package io.lossreview.ingest.intake;
