package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A surge of SUPPORT losses after six quiet months is flagged in the summary and on the cause (2018). */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class EmergingCauseFlagTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSurgeAboveTheBaselineIsFlaggedWithItsExplanation() {
        List<DefectionBuilder> all = new ArrayList<>();
        for (int month = 1; month <= 6; month++) {
            for (int i = 0; i < 2; i++) {
                all.add(defection("2018-0" + month).reason("customer_service", null, null, null, null));
            }
            all.add(defection("2018-0" + month).reason("too_expensive", null, null, null, null));
        }
        for (int i = 0; i < 12; i++) {
            all.add(defection("2018-07").reason("customer_service", null, null, null, null));
        }
        all.add(defection("2018-07").reason("too_expensive", null, null, null, null));
        AnalyzerClient analyzer = new AnalyzerClient(prefix, dataSource);
        analyzer.publish(all.toArray(DefectionBuilder[]::new));

        analyzer.get("/months/2018-07/summary").statusCode(200)
                .body("emergingCauses", hasSize(1))
                .body("emergingCauses[0].cause", equalTo("SUPPORT"))
                .body("emergingCauses[0].count", equalTo(12))
                .body("emergingCauses[0].explanation",
                        equalTo("SUPPORT: 12 losses vs 2.0/month baseline (prior 6 months), p<0.001 (count test: no customer base known)"));
        analyzer.get("/months/2018-07/causes").body("causes[0].cause", equalTo("SUPPORT"))
                .body("causes[0].emerging.baseline", equalTo("2.0"))
                .body("causes[1].emerging", nullValue());
        // Too little history before March 2018 for a baseline: nothing is flagged.
        analyzer.get("/months/2018-03/summary").body("emergingCauses", hasSize(0));
    }
}
