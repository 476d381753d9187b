package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.analysis.view.AnalyzerExamples;
import io.lossreview.contracts.analysis.view.AnalyzerExamples.PacketInputsRequest;
import io.lossreview.contracts.analysis.view.Breakdown;
import io.lossreview.contracts.analysis.view.CauseRanking;
import io.lossreview.contracts.analysis.view.DefectionCause;
import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.contracts.analysis.view.MonthSummary;
import io.lossreview.contracts.analysis.view.PacketInputs;
import io.lossreview.contracts.analysis.view.Page;
import io.lossreview.contracts.analysis.view.Trend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analyzer's recorded answers are valid views, and answers that break the views' rules are refused. */
class ViewExamplesTest {

    private static final ContractSchemas SCHEMAS = ContractSchemas.get();

    /** The services' REST JSON (service-common ApiJson): the contract settings, and every decimal a plain string. */
    private static final ObjectMapper REST = ContractJson.newMapper()
            .registerModule(new SimpleModule("decimal-strings").addSerializer(BigDecimal.class, new DecimalString.Serializer()));

    static List<PacketInputsRequest> recorded() {
        return AnalyzerExamples.PACKET_INPUTS;
    }

    private static ObjectNode answer(PacketInputsRequest request) {
        try {
            return (ObjectNode) ContractJson.mapper().readTree(AnalyzerExamples.answer(request.month(), request.trendFrom()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded answer with valued, classifier-decided losses, emerging causes and negative changes. */
    private static ObjectNode february() {
        return answer(new PacketInputsRequest(YearMonth.of(2026, 2), YearMonth.of(2024, 11)));
    }

    private static List<String> found(List<Violation> violations) {
        return violations.stream().map(v -> v.pointer() + " " + v.rule()).toList();
    }

    @Test
    void everyRecordedRequestHasItsAnswer() {
        assertEquals(5, recorded().size());
        assertEquals(recorded().stream().map(PacketInputsRequest::resource).sorted().toList(),
                TestResources.jsonFiles("contract-examples/packet-inputs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void recordedAnswerIsAValidPacketInputs(PacketInputsRequest request) {
        assertEquals(List.of(), found(SCHEMAS.validateView(PacketInputs.class, answer(request))), request.path());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void recordedAnswerIsWhatTheRecordsWrite(PacketInputsRequest request) throws Exception {
        JsonNode recorded = answer(request);
        PacketInputs read = ContractJson.mapper().treeToValue(recorded, PacketInputs.class);
        JsonNode written = REST.readTree(REST.writeValueAsString(read));
        assertEquals(recorded, written, request.path());
    }

    @Test
    void eachSectionIsAValidViewOnItsOwn() {
        ObjectNode packet = february();
        assertEquals(List.of(), found(SCHEMAS.validateView(MonthSummary.class, packet.get("summary"))));
        assertEquals(List.of(), found(SCHEMAS.validateView(CauseRanking.class, packet.get("causes"))));
        assertEquals(List.of(), found(SCHEMAS.validateView(Trend.class, packet.get("trend"))));
        assertEquals(List.of(), found(SCHEMAS.validateView(Breakdown.class, packet.get("byRegion"))));
        assertEquals(List.of(), found(SCHEMAS.validateView(DefectionView.class, packet.at("/largest/0"))));
        assertEquals(List.of(), found(SCHEMAS.validateView(DefectionCause.class, packet.at("/defectionCauses/0"))));
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.set("items", packet.get("largest"));
        page.put("page", 0).put("size", 50).put("total", packet.get("largest").size());
        assertEquals(List.of(), found(SCHEMAS.validateView(Page.class, page)));

        ((ObjectNode) packet.get("summary")).put("seats", -63);
        assertEquals(List.of("/seats minimum"), found(SCHEMAS.validateView(MonthSummary.class, packet.get("summary"))));
    }

    @Test
    void detailViewCarriesTheDefectionEventData() {
        ObjectNode view = (ObjectNode) february().at("/largest/0");
        ObjectNode event = (ObjectNode) TestResources.json("examples/loss.defection-changed/enriched-from-crm.json").get("data");
        view.set("defection", event);
        assertEquals(List.of(), found(SCHEMAS.validateView(DefectionView.class, view)));
        event.put("churnScore", 0.7);
        event.remove("revision");
        assertEquals(List.of("/defection/churnScore additionalProperties", "/defection/revision required"),
                found(SCHEMAS.validateView(DefectionView.class, view)));
    }

    @Test
    void personsDecisionAndPendingValueAreValid() {
        ObjectNode view = (ObjectNode) february().at("/largest/0");
        view.put("causeSource", "MANUAL").put("confidence", 1.0).put("decidedBy", "ops@example.com")
                .put("decidedAt", "2026-03-02T09:00:00Z").remove(List.of("secondaryCause", "mrrLost", "arrLost", "lifetimeValueLost"));
        view.put("valuePending", true);
        assertEquals(List.of(), found(SCHEMAS.validateView(DefectionView.class, view)));
    }

    static Stream<Arguments> brokenAnswers() {
        return Stream.of(
                broken("negative count", p -> obj(p, "/summary").put("customers", -1),
                        "/summary/customers minimum"),
                broken("unknown property", p -> obj(p, "/largest/0").put("churnScore", 0.7),
                        "/largest/0/churnScore additionalProperties"),
                broken("missing required field", p -> obj(p, "/causes/causes/0").remove("rank"),
                        "/causes/causes/0/rank required"),
                broken("amount as a JSON number", p -> obj(p, "/summary").put("arrLost", new BigDecimal("92400.00")),
                        "/summary/arrLost type"),
                broken("null instead of absent", p -> obj(p, "/summary").putNull("taxonomyVersion"),
                        "/summary/taxonomyVersion type"),
                broken("negative reference", p -> obj(p, "/summary/vsPriorMonth").put("referenceArrLost", "-50400.00"),
                        "/summary/vsPriorMonth/referenceArrLost pattern"),
                broken("share above 1", p -> obj(p, "/causes/causes/0").put("shareOfValue", "1.0001"),
                        "/causes/causes/0/shareOfValue pattern"),
                broken("valued defection without ARR", p -> obj(p, "/largest/0").remove("arrLost"),
                        "/largest/0/arrLost required"),
                broken("person's decision without who and when", p -> obj(p, "/largest/0").put("causeSource", "MANUAL"),
                        "/largest/0/decidedAt required", "/largest/0/decidedBy required"),
                broken("unknown cause source", p -> obj(p, "/defectionCauses/0").put("causeSource", "ROBOT"),
                        "/defectionCauses/0/causeSource enum"),
                broken("confidence above 1", p -> obj(p, "/defectionCauses/0").put("confidence", 1.5),
                        "/defectionCauses/0/confidence maximum"),
                broken("causes ranked by customers", p -> obj(p, "/causes").put("rankedBy", "customers"),
                        "/causes/rankedBy const"),
                broken("regions under bySegment", p -> p.set("bySegment", p.get("byRegion").deepCopy()),
                        "/bySegment/by const"),
                broken("11 of the last 12 months", p -> ((ArrayNode) p.at("/causes/causes/0/last12Months")).remove(0),
                        "/causes/causes/0/last12Months minItems"),
                broken("a sixth top cause", p -> ((ArrayNode) p.get("topCauses")).add("OTHER").add("PRODUCT"),
                        "/topCauses maxItems"),
                broken("month 13", p -> obj(p, "/trend").put("from", "2024-13"),
                        "/trend/from pattern"));
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String... expected) {
        return Arguments.of(name, breakIt, List.of(expected));
    }

    private static ObjectNode obj(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAnswers")
    void brokenAnswerIsRefused(String name, Consumer<ObjectNode> breakIt, List<String> expected) {
        ObjectNode packet = february();
        breakIt.accept(packet);
        List<Violation> violations = SCHEMAS.validateView(PacketInputs.class, packet);
        assertEquals(expected, found(violations), violations::toString);
        assertFalse(violations.get(0).message().isBlank());
    }

    @Test
    void onlyViewsHaveSchemas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SCHEMAS.validateView(PacketInputsRequest.class, february()));
        assertEquals("not an analyzer view: " + PacketInputsRequest.class.getName(), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SCHEMAS.validateView(Violation.class, february()));
        assertThrows(IllegalArgumentException.class, () -> SCHEMAS.validateView(null, february()));
        assertEquals(List.of(" type"), found(SCHEMAS.validateView(PacketInputs.class, null)));
        assertTrue(found(SCHEMAS.validateView(PacketInputs.class, JsonNodeFactory.instance.objectNode())).contains("/month required"));
    }
}
