package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;

import io.lossreview.analyzer.base.MonthBases;
import io.lossreview.analyzer.change.CallCorrections;
import io.lossreview.analyzer.change.DefectionIntake;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.EventSources;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.contracts.review.CallCompleted;
import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.contracts.review.WinBackChance;
import io.lossreview.testing.HostileRecordsTest;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class AnalyzerHostileRecordsTest extends HostileRecordsTest {

    @Override
    protected Map<String, String> consumedTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put(Topics.LOSS_DEFECTIONS, DefectionIntake.CONSUMER);
        topics.put(Topics.LOSS_REVIEW, CallCorrections.CONSUMER);
        topics.put(Topics.LOSS_BASE, MonthBases.CONSUMER);
        return topics;
    }

    @Override
    protected ValidEvent validEvent(String topic) {
        DefectionBuilder d = defection("2018-02").mrr("40.00").reason("too_expensive", "the price went up", null, null, null);
        String id = UUID.randomUUID().toString();
        if (Topics.LOSS_DEFECTIONS.equals(topic)) {
            return new ValidEvent(d.customerId, d.event(id), id);
        }
        if (Topics.LOSS_BASE.equals(topic)) {
            MonthBase base = new MonthBase(java.time.YearMonth.of(2018, 2), false, null, new MonthBase.Customers(1, 0, 0, 0, 0, 0, 1),
                    new MonthBase.Mrr("USD", true, null, null, null, null, null, null, null), 0, List.of(), List.of(), List.of(),
                    Instant.now());
            try {
                return new ValidEvent("2018-02", CloudEventEnvelope.write(id, EventSources.CHURN_INGEST,
                        EventTypes.MONTH_BASE_MEASURED, "2018-02", Instant.now(), base, ContractJson.mapper()), id);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        // Not reached: applied (claimed) without needing the defection to exist.
        CallCompleted call = new CallCompleted(UUID.randomUUID().toString(), d.id, d.customerId, "exec-9",
                CallOutcome.NOT_REACHED, null, WinBackChance.LOW, Instant.now(), "exec-9");
        try {
            return new ValidEvent(d.customerId, CloudEventEnvelope.write(id, EventSources.REVIEW_SCHEDULER,
                    EventTypes.CALL_COMPLETED, d.customerId, Instant.now(), call, ContractJson.mapper()), id);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
