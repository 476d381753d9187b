package io.lossreview.scheduler;

import io.lossreview.testing.InternalAuthTest;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class SchedulerInternalAuthTest extends InternalAuthTest {

    @Override
    protected String protectedPath() {
        return "/executives";
    }
}
