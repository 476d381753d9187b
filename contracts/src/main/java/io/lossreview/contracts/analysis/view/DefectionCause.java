package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** A defection's decided cause, compact: what review-scheduler needs for a whole month at once. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DefectionCause(UUID id, String cause, CauseSource causeSource, double confidence) {
}
