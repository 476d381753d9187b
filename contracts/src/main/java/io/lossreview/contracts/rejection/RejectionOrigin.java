package io.lossreview.contracts.rejection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a rejected event came in. topic/partition/offset are set for KAFKA only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RejectionOrigin(Channel channel, String topic, Integer partition, Long offset) {

    public enum Channel {
        KAFKA, REST, STRIPE
    }

    public static RejectionOrigin kafka(String topic, int partition, long offset) {
        return new RejectionOrigin(Channel.KAFKA, topic, partition, offset);
    }

    public static RejectionOrigin rest() {
        return new RejectionOrigin(Channel.REST, null, null, null);
    }

    public static RejectionOrigin stripe() {
        return new RejectionOrigin(Channel.STRIPE, null, null, null);
    }
}
