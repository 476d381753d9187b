package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * One trained text model of the classifier ({@code GET /classifier}): what it learned from and how it scored on the
 * corpus' held-out rows, which no training or tuning ever sees.
 *
 * @param fingerprint     of its training rows (corpus and people's labels): the same rows always give the same model
 * @param corpusRows      the corpus' training rows it learned from
 * @param peopleLabels    the texts people had given a cause (by hand or on a call) when it was trained
 * @param heldOut         per language of the held-out rows; empty until measured (right after training)
 * @param active          the model that classifies new defections
 * @param held            an admin chose it: models trained after it wait for an admin
 * @param loadable        this release can still load it (its stored form is kept, it learned from this release's
 *                        corpus): only such a model can be activated
 * @param activatedBy     who last made it active: a person, or "automatic" after training
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TextModelVersion(long id, int taxonomyVersion, String fingerprint, Instant trainedAt, long trainingMillis,
                               int corpusRows, int peopleLabels, Map<String, HeldOutScore> heldOut, boolean active,
                               boolean held, boolean loadable, Instant activatedAt, String activatedBy, String note) {

    /**
     * The whole classifier (rules, labelled examples, this model) on one language's held-out rows.
     *
     * @param reviewShare the share below the review threshold: what the review queue would get
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HeldOutScore(int rows, double accuracy, double macroF1, double reviewShare) {
    }
}
