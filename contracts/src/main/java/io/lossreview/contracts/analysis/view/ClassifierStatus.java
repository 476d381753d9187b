package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The classifier's learned text model ({@code GET /classifier}): the active one and the earlier ones, newest first.
 *
 * @param taxonomyVersion    the newest taxonomy version: the models listed are its
 * @param active             the model classifying new defections; null while the first one is being trained
 * @param automatic          whether a model trained after new labels becomes active by itself (false while an admin
 *                           holds one)
 * @param retrainAfterLabels new labels that make the analyzer train a new model
 * @param labels             texts people have given a cause so far
 * @param reviewThreshold    classifications less confident than this go to the review queue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassifierStatus(int taxonomyVersion, TextModelVersion active, boolean automatic, int retrainAfterLabels,
                               long labels, double reviewThreshold, List<TextModelVersion> versions) {
}
