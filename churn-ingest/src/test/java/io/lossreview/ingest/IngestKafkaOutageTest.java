package io.lossreview.ingest;

import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lossreview.testing.DependencyOutageTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DependencyOutageTest.KafkaUnreachable.class)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class IngestKafkaOutageTest extends DependencyOutageTest {
}
