package io.lossreview.ingest;

import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lossreview.testing.ServiceBasicsTest;
import java.util.List;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class IngestBasicsTest extends ServiceBasicsTest {

    @Override
    protected List<String> expectedMigrations() {
        return List.of("outbox", "inbox", "dead letter", "one consumer path", "outbox origin", "ingest", "documents as json", "cheaper writes",
                "one defection index", "inbound event key", "one consumer path", "subscription ledger", "month base");
    }
}
