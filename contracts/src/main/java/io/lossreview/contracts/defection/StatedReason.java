package io.lossreview.contracts.defection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Why the customer says they left, kept per source and unclassified (classification is the analyzer's job). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatedReason(
        String billingReasonCode,
        String billingComment,
        String crmReasonCode,
        String statedReason,
        String competitor) {
}
