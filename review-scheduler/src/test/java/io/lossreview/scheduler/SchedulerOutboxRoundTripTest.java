package io.lossreview.scheduler;

import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lossreview.testing.OutboxRoundTripTest;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class SchedulerOutboxRoundTripTest extends OutboxRoundTripTest {

    @Override
    protected String topic() {
        return Topics.LOSS_REVIEW;
    }

    @Override
    protected String eventType() {
        return EventTypes.PACKET_PUBLISHED;
    }

    @Override
    protected String example() {
        return "2025-03-first";
    }
}
