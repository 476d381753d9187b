package io.lossreview.contracts.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.DecimalString;
import io.lossreview.contracts.IsoString;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** Data of {@code loss.packet-published} on {@code loss.review}, keyed by month. A republished packet bumps revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PacketPublished(
        String packetId,
        @IsoString YearMonth month,
        int revision,
        @IsoString Instant publishedAt,
        int customers,
        @DecimalString BigDecimal arrLost) {
}
