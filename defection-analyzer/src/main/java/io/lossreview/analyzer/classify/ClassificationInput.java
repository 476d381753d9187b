package io.lossreview.analyzer.classify;

/**
 * What is known about why one customer left. Every string may be null or blank.
 *
 * @param billingReasonCode cancel-flow code from billing, e.g. Stripe's "too_expensive"
 * @param billingComment    the customer's own words in the cancel flow
 * @param crmReasonCode     the account manager's pick-list value, e.g. "PRICE"
 * @param statedReason      the account manager's notes
 * @param competitor        the vendor the customer went to, when the CRM names one
 * @param voluntary         false when the subscription lapsed on a payment failure
 */
public record ClassificationInput(String billingReasonCode, String billingComment, String crmReasonCode,
                                  String statedReason, String competitor, boolean voluntary) {
}
