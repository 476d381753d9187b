package io.lossreview.contracts.defection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;
import io.lossreview.contracts.Segment;

import java.time.LocalDate;

/** Who the customer was; every field is null until a source tells us. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerProfile(
        String accountName,
        Segment segment,
        String region,
        String industry,
        String accountOwner,
        @IsoString LocalDate customerSince,
        Integer tenureMonths) {
}
