package io.lossreview.ingest;

import io.lossreview.testing.InternalAuthTest;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class IngestInternalAuthTest extends InternalAuthTest {

    @Override
    protected String protectedPath() {
        return "/rejected";
    }
}
