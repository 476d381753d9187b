package io.lossreview.scheduler;

import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lossreview.testing.ServiceBasicsTest;
import java.util.List;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class SchedulerBasicsTest extends ServiceBasicsTest {

    @Override
    protected List<String> expectedMigrations() {
        return List.of("outbox", "inbox", "dead letter", "one consumer path", "outbox origin", "scheduler", "stale packets");
    }
}
