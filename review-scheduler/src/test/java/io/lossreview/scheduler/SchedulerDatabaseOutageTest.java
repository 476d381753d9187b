package io.lossreview.scheduler;

import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lossreview.testing.DependencyOutageTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DependencyOutageTest.DatabaseUnreachable.class)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class SchedulerDatabaseOutageTest extends DependencyOutageTest {
}
