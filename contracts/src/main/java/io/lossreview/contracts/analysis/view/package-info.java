/**
 * defection-analyzer's REST views: the one copy of each. The analyzer answers with them,
 * review-scheduler and api-gateway read them, and the analyzer's contract test checks its answers
 * against the examples the scheduler's tests are fed (contract-examples/ in this module).
 * Readers ignore fields they do not know, so the analyzer may add fields without breaking them.
 */
package io.lossreview.contracts.analysis.view;
