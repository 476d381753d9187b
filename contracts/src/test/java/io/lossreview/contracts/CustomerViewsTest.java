package io.lossreview.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.analysis.view.AnalyzerExamples;
import io.lossreview.contracts.analysis.view.CauseDecision;
import io.lossreview.contracts.analysis.view.CauseSource;
import io.lossreview.contracts.analysis.view.CustomerMatch;
import io.lossreview.contracts.analysis.view.CustomerStory;
import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.contracts.analysis.view.ReviewQueueAcceptance;
import io.lossreview.contracts.analysis.view.ReviewQueueAcceptance.Outcome;
import io.lossreview.contracts.analysis.view.ReviewQueueAcceptance.Status;
import io.lossreview.contracts.analysis.view.ReviewQueueMonth;
import io.lossreview.contracts.defection.DefectionChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The customer story, customer search and review-queue triage views: what the records write is valid, and the rules hold. */
class CustomerViewsTest {

    private static final ContractSchemas SCHEMAS = ContractSchemas.get();
    /** The services' REST JSON (service-common ApiJson): the contract settings, and every decimal a plain string. */
    private static final ObjectMapper REST = ContractJson.newMapper()
            .registerModule(new SimpleModule("decimal-strings").addSerializer(BigDecimal.class, new DecimalString.Serializer()));

    private static List<String> found(Class<?> view, JsonNode json) {
        return SCHEMAS.validateView(view, json).stream().map(v -> v.pointer() + " " + v.rule()).toList();
    }

    /** The recorded February packet's largest loss, as the detail view (with its full defection). */
    private static DefectionView detail() throws Exception {
        JsonNode packet = ContractJson.mapper().readTree(AnalyzerExamples.answer(YearMonth.of(2026, 2), YearMonth.of(2024, 11)));
        ObjectNode view = (ObjectNode) packet.at("/largest/0");
        view.set("defection", TestResources.json("examples/loss.defection-changed/enriched-from-crm.json").get("data"));
        return ContractJson.mapper().treeToValue(view, DefectionView.class);
    }

    private static ObjectNode story() throws Exception {
        DefectionView d = detail();
        List<CauseDecision> history = List.of(
                new CauseDecision(Instant.parse("2026-02-03T10:00:00Z"), "PRICE", "SUPPORT", 0.55, CauseSource.CLASSIFIER, 1,
                        null, "classified revision 1"),
                new CauseDecision(Instant.parse("2026-03-02T09:00:00Z"), "SUPPORT", null, 1.0, CauseSource.MANUAL, 1,
                        "ops.anna", "accepted the suggested cause in the review queue"));
        CustomerStory story = new CustomerStory(d.customerId(), d.accountName(), d.segment(), d.region(), d.plan(),
                List.of(new CustomerStory.Episode(d, history)));
        return (ObjectNode) REST.readTree(REST.writeValueAsString(story));
    }

    @Test
    void aStoryAsTheRecordsWriteItIsValid() throws Exception {
        ObjectNode story = story();
        assertEquals(List.of(), found(CustomerStory.class, story));
        assertEquals("classified revision 1", story.at("/defections/0/causeHistory/0/why").asText());
        assertEquals(false, story.at("/defections/0/causeHistory/0").has("decidedBy"), "the machine decided: absent, never null");
    }

    @Test
    void aStoryTellsDetailViewsAndWhoDecided() throws Exception {
        ObjectNode withoutDocument = story();
        ((ObjectNode) withoutDocument.at("/defections/0/defection")).remove("defection");
        assertEquals(List.of("/defections/0/defection/defection required"), found(CustomerStory.class, withoutDocument));

        ObjectNode anonymousPerson = story();
        ((ObjectNode) anonymousPerson.at("/defections/0/causeHistory/1")).remove("decidedBy");
        assertEquals(List.of("/defections/0/causeHistory/1/decidedBy required"), found(CustomerStory.class, anonymousPerson));

        ObjectNode nobody = story();
        ((ArrayNode) nobody.get("defections")).removeAll();
        assertEquals(List.of("/defections minItems"), found(CustomerStory.class, nobody));
    }

    @Test
    void searchAndQueueViewsAsTheRecordsWriteThem() throws Exception {
        JsonNode match = REST.valueToTree(new CustomerMatch("cus_1", "Northwind", "ENTERPRISE", YearMonth.of(2026, 2), 2));
        assertEquals(List.of(), found(CustomerMatch.class, match));
        ((ObjectNode) match).put("defections", 0);
        assertEquals(List.of("/defections minimum"), found(CustomerMatch.class, match));

        assertEquals(List.of(), found(ReviewQueueMonth.class, REST.valueToTree(new ReviewQueueMonth(YearMonth.of(2026, 2), 4, 1))));

        UUID id = UUID.randomUUID();
        ReviewQueueAcceptance acceptance = ReviewQueueAcceptance.of(List.of(new Outcome(id, Status.ACCEPTED, "PRICE"),
                new Outcome(UUID.randomUUID(), Status.ALREADY_DECIDED, "SUPPORT"), new Outcome(UUID.randomUUID(), Status.NOT_FOUND, null)));
        assertEquals(List.of(1, 1, 1), List.of(acceptance.accepted(), acceptance.alreadyDecided(), acceptance.notFound()));
        ObjectNode json = REST.valueToTree(acceptance);
        assertEquals(List.of(), found(ReviewQueueAcceptance.class, json));
        ((ObjectNode) json.at("/outcomes/0")).remove("cause");
        assertEquals(List.of("/outcomes/0/cause required"), found(ReviewQueueAcceptance.class, json));
    }

    @Test
    void listBoundsAreTheRecordsConstants() {
        JsonNode defs = TestResources.json("schemas/" + ContractSchemas.VIEWS_SCHEMA).get("$defs");
        assertEquals(CustomerStory.MAX_DEFECTIONS, defs.at("/CustomerStory/properties/defections/maxItems").asInt());
        assertEquals(CustomerStory.MAX_DECISIONS, defs.at("/CustomerStory.Episode/properties/causeHistory/maxItems").asInt());
        assertEquals(ReviewQueueAcceptance.MAX_IDS, defs.at("/ReviewQueueAcceptance/properties/outcomes/maxItems").asInt());
    }

    @Test
    void theDetailViewOfTheStoryIsTheEventAsPublished() throws Exception {
        DefectionChanged published = ContractJson.mapper().treeToValue(
                TestResources.json("examples/loss.defection-changed/enriched-from-crm.json").get("data"), DefectionChanged.class);
        CustomerStory read = ContractJson.mapper().treeToValue(story(), CustomerStory.class);
        assertEquals(published, read.defections().get(0).defection().defection());
        assertEquals(CauseSource.MANUAL, read.defections().get(0).causeHistory().get(1).causeSource());
    }
}
