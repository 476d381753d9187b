package io.lossreview.ingest;

import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lossreview.testing.OutboxRoundTripTest;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class IngestOutboxRoundTripTest extends OutboxRoundTripTest {

    @Override
    protected String topic() {
        return Topics.LOSS_DEFECTIONS;
    }

    @Override
    protected String eventType() {
        return EventTypes.DEFECTION_CHANGED;
    }

    @Override
    protected String example() {
        return "recorded-from-billing";
    }
}
