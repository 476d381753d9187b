package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * One decision about a defection's cause, as the cause history keeps it (append-only, oldest first): a row is
 * added whenever the decided cause, its secondary cause, confidence, source, taxonomy version or decider changes.
 *
 * @param decidedBy the person (MANUAL, CALL); null when the classifier decided
 * @param why       why it was decided, when known: "classified revision 2", "taxonomy v3 backfill …",
 *                  "call outcome &lt;assignment id&gt;", a person's note
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CauseDecision(Instant decidedAt, String cause, String secondaryCause, double confidence,
                            CauseSource causeSource, int taxonomyVersion, String decidedBy, String why) {
}
