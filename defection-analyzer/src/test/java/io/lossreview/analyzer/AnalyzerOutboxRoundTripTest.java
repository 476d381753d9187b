package io.lossreview.analyzer;

import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lossreview.testing.OutboxRoundTripTest;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class AnalyzerOutboxRoundTripTest extends OutboxRoundTripTest {

    @Override
    protected String topic() {
        return Topics.LOSS_ANALYSIS;
    }

    @Override
    protected String eventType() {
        return EventTypes.MONTH_ANALYZED;
    }

    @Override
    protected String example() {
        return "2025-03";
    }
}
