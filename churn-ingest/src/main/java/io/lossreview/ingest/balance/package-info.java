/**
 * Opening balances: a billing system's export of the subscriptions active on one day, parsed and loaded
 * into the subscription ledger; the customers' earlier cancellations are then looked at again.
 */
package io.lossreview.ingest.balance;
