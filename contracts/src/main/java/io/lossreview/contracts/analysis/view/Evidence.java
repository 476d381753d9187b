package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One thing that decided a classification, for reviewers.
 *
 * @param kind   {@value #REASON_CODE}, {@value #TEXT}, {@value #COMPETITOR}, {@value #INVOLUNTARY},
 *               {@value #LABELLED_EXAMPLE} or {@value #TEXT_MODEL}
 * @param detail e.g. {@code billing reasonCode too_expensive} or {@code SUPPORT words: "support", "awful"}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evidence(String kind, String detail) {

    public static final String REASON_CODE = "reason-code";
    public static final String TEXT = "text";
    public static final String COMPETITOR = "competitor";
    public static final String INVOLUNTARY = "involuntary";
    public static final String LABELLED_EXAMPLE = "labelled-example";
    /** The learned text model's probabilities, e.g. {@code PRICE 0.82, COMPETITOR 0.09 (model 3)}. */
    public static final String TEXT_MODEL = "text-model";
}
