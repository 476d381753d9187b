/**
 * Every change to a defection, each in one transaction over the defection row and its month totals:
 * intake of loss.defections events, people's cause decisions, executives' call corrections, and new
 * taxonomy versions with their backfill. The packages below it (defection, classify, taxonomy,
 * analysis) never depend on it.
 */
package io.lossreview.analyzer.change;
