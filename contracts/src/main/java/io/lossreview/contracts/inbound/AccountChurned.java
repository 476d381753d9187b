package io.lossreview.contracts.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.Contact;
import io.lossreview.contracts.IsoString;
import io.lossreview.contracts.Segment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@code crm.account-churned}: the account manager marked the account lost.
 *
 * @param statedReason free text, as the account manager wrote it
 * @param lastNps      0..10, null when never surveyed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // sources may add fields
public record AccountChurned(
        String customerId,
        String accountName,
        Segment segment,
        String region,
        String industry,
        String accountOwner,
        @IsoString LocalDate customerSince,
        @IsoString Instant churnedAt,
        String statedReason,
        String reasonCode,
        String competitor,
        Integer lastNps,
        Contact contact,
        Boolean doNotContact) {

    public boolean doNotContactOrDefault() {
        return doNotContact != null && doNotContact;
    }
}
