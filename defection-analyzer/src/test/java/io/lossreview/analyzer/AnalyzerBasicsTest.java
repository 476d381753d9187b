package io.lossreview.analyzer;

import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lossreview.testing.ServiceBasicsTest;
import java.util.List;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class AnalyzerBasicsTest extends ServiceBasicsTest {

    @Override
    protected List<String> expectedMigrations() {
        return List.of("outbox", "inbox", "dead letter", "one consumer path", "outbox origin", "analyzer", "withdrawn defections", "month base",
                "cause history", "customer search", "review queue words", "text model");
    }
}
