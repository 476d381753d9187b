package io.lossreview.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lossreview.contracts.analysis.EmergingCause;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.contracts.analysis.view.Breakdown;
import io.lossreview.contracts.analysis.view.CauseRanking;
import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.contracts.analysis.view.MonthPoint;
import io.lossreview.contracts.analysis.view.MonthSummary;
import io.lossreview.contracts.analysis.view.RankedCause;
import io.lossreview.contracts.analysis.view.Trend;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The gateway's OpenAPI describes defection-analyzer's views, whose one definition is the records in
 * contracts (io.lossreview.contracts.analysis.view). This keeps the document from drifting: each
 * schema lists exactly the record's fields, so a field added to, renamed in or dropped from a view
 * fails here until the document says so too.
 */
class AnalysisSchemasTest {

    private static final Map<String, Class<? extends Record>> VIEWS = Map.ofEntries(
            Map.entry("MonthSummary", MonthSummary.class),
            Map.entry("Split", MonthSummary.Split.class),
            Map.entry("Change", Change.class),
            Map.entry("MonthPoint", MonthPoint.class),
            Map.entry("EmergingCause", EmergingCause.class),
            Map.entry("RankedCause", RankedCause.class),
            Map.entry("CauseRanking", CauseRanking.class),
            Map.entry("Bucket", Breakdown.Bucket.class),
            Map.entry("Breakdown", Breakdown.class),
            Map.entry("Trend", Trend.class),
            Map.entry("Defection", DefectionView.class),
            Map.entry("MonthBase", MonthBase.class),
            Map.entry("MonthBaseCustomers", MonthBase.Customers.class),
            Map.entry("MonthBaseMrr", MonthBase.Mrr.class),
            Map.entry("MonthBaseBucket", MonthBase.Bucket.class),
            Map.entry("MonthBaseView", io.lossreview.contracts.base.MonthBaseView.class),
            Map.entry("RatePoint", io.lossreview.contracts.base.RatePoint.class),
            Map.entry("ReviewQueueMonth", io.lossreview.contracts.analysis.view.ReviewQueueMonth.class),
            Map.entry("ReviewQueueAcceptance", io.lossreview.contracts.analysis.view.ReviewQueueAcceptance.class),
            Map.entry("CustomerMatch", io.lossreview.contracts.analysis.view.CustomerMatch.class),
            Map.entry("CauseDecision", io.lossreview.contracts.analysis.view.CauseDecision.class),
            Map.entry("CustomerEpisode", io.lossreview.contracts.analysis.view.CustomerStory.Episode.class),
            Map.entry("ClassifierStatus", io.lossreview.contracts.analysis.view.ClassifierStatus.class),
            Map.entry("TextModelVersion", io.lossreview.contracts.analysis.view.TextModelVersion.class),
            Map.entry("HeldOutScore", io.lossreview.contracts.analysis.view.TextModelVersion.HeldOutScore.class));

    @Test
    void everyAnalysisSchemaListsExactlyItsContractRecordsFields() throws IOException {
        JsonNode schemas = document().path("components").path("schemas");
        VIEWS.forEach((name, view) -> {
            JsonNode properties = schemas.path(name).path("properties");
            assertNotNull(properties, name);
            Set<String> documented = new TreeSet<>();
            properties.fieldNames().forEachRemaining(documented::add);
            Set<String> fields = new TreeSet<>(Arrays.stream(view.getRecordComponents()).map(RecordComponent::getName).toList());
            assertEquals(fields, documented, "schemas-analysis.yaml " + name + " against " + view.getName());
        });
    }

    private static JsonNode document() throws IOException {
        try (InputStream in = AnalysisSchemasTest.class.getClassLoader()
                .getResourceAsStream("META-INF/openapi/schemas-analysis.yaml")) {
            assertNotNull(in, "schemas-analysis.yaml on the classpath");
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }
}
