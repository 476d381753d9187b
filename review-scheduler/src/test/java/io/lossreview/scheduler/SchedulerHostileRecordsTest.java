package io.lossreview.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.ContractExamples;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.EventSources;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.scheduler.defection.DefectionCopyRepository;
import io.lossreview.scheduler.packet.PacketFreshness;
import io.lossreview.testing.HostileRecordsTest;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class SchedulerHostileRecordsTest extends HostileRecordsTest {

    @Override
    protected Map<String, String> consumedTopics() {
        return Map.of(Topics.LOSS_DEFECTIONS, DefectionCopyRepository.CONSUMER, Topics.LOSS_ANALYSIS, PacketFreshness.CONSUMER);
    }

    @Override
    protected ValidEvent validEvent(String topic) {
        if (topic.equals(Topics.LOSS_ANALYSIS)) {
            return monthAnalyzed();
        }
        String customer = "cus_h" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode data = (ObjectNode) ContractExamples.data(EventTypes.DEFECTION_CHANGED, "recorded-from-billing").deepCopy();
        data.put("defectionId", UUID.randomUUID().toString()).put("customerId", customer).put("lossMonth", "2017-01")
                .put("lossDate", "2017-01-15");
        String id = UUID.randomUUID().toString();
        try {
            return new ValidEvent(customer, CloudEventEnvelope.write(id, EventSources.CHURN_INGEST,
                    EventTypes.DEFECTION_CHANGED, customer, Instant.now(), data, ContractJson.mapper()), id);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A month far from every other test's months: no packet, so applying it changes nothing but the inbox. */
    private static ValidEvent monthAnalyzed() {
        ObjectNode data = (ObjectNode) ContractExamples.data(EventTypes.MONTH_ANALYZED, "2025-03").deepCopy();
        data.put("month", "2016-06");
        String id = UUID.randomUUID().toString();
        try {
            return new ValidEvent(data.get("month").asText(), CloudEventEnvelope.write(id, EventSources.DEFECTION_ANALYZER,
                    EventTypes.MONTH_ANALYZED, data.get("month").asText(), Instant.now(), data, ContractJson.mapper()), id);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
