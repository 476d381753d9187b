package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.accountChurned;
import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.changed;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static io.lossreview.ingest.support.ChurnEvents.reactivation;
import static io.lossreview.ingest.support.ChurnEvents.started;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.Topics;
import io.lossreview.ingest.intake.ChurnEventConsumer;
import io.lossreview.testing.HostileRecordsTest;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class IngestHostileRecordsTest extends HostileRecordsTest {

    @Override
    protected Map<String, String> consumedTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put(Topics.BILLING_SUBSCRIPTION_STARTED, ChurnEventConsumer.NAME);
        topics.put(Topics.BILLING_SUBSCRIPTION_CHANGED, ChurnEventConsumer.NAME);
        topics.put(Topics.BILLING_SUBSCRIPTION_CANCELLED, ChurnEventConsumer.NAME);
        topics.put(Topics.BILLING_SUBSCRIPTION_REACTIVATED, ChurnEventConsumer.NAME);
        topics.put(Topics.CRM_ACCOUNT_CHURNED, ChurnEventConsumer.NAME);
        return topics;
    }

    @Override
    protected ValidEvent validEvent(String topic) {
        String c = newCustomer();
        ObjectNode event = switch (topic) {
            case Topics.BILLING_SUBSCRIPTION_STARTED -> started(c, "sub_1", "120.00", "USD", "2025-01-02T10:00:00Z");
            case Topics.BILLING_SUBSCRIPTION_CHANGED -> changed(c, "sub_1", "150.00", "USD", "2025-02-02T10:00:00Z");
            case Topics.BILLING_SUBSCRIPTION_CANCELLED -> cancellation(c, "sub_1", "120.00", "USD", "2025-04-02T10:00:00Z", null);
            case Topics.BILLING_SUBSCRIPTION_REACTIVATED -> reactivation(c, "sub_1", "2025-04-20T10:00:00Z");
            default -> accountChurned(c, "2025-04-03T10:00:00Z");
        };
        return new ValidEvent(c, event.toString(), event.get("id").asText());
    }
}
