package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each file under invalid/ breaks exactly one rule, recorded in invalid/expected.csv as file,pointer,rule. */
class InvalidExamplesTest {

    private static final String DIR = "invalid";

    static Stream<Arguments> expectations() {
        return expectedLines().stream().map(line -> line.split(",", -1))
                .map(cols -> Arguments.of(DIR + "/" + cols[0], cols[1], cols[2]));
    }

    private static List<String> expectedLines() {
        List<String> lines = TestResources.text(DIR + "/expected.csv").lines().toList();
        assertEquals("file,pointer,rule", lines.get(0));
        return lines.subList(1, lines.size());
    }

    @Test
    void everyInvalidFileHasAnExpectation() {
        List<String> listed = expectedLines().stream().map(line -> DIR + "/" + line.split(",")[0]).sorted().toList();
        assertEquals(TestResources.jsonFiles(DIR), listed);
        assertEquals(23, listed.size());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("expectations")
    void yieldsExactlyTheExpectedViolation(String file, String pointer, String rule) {
        List<Violation> violations = ContractSchemas.get().validateEvent(TestResources.json(file));
        assertEquals(List.of(pointer + " " + rule), violations.stream().map(v -> v.pointer() + " " + v.rule()).toList(),
                () -> violations.toString());
        assertFalse(violations.get(0).message().isBlank());
    }

    @Test
    void statedReasonOf4000CharactersIsFineButNot4001() {
        JsonNode event = TestResources.json("examples/crm.account-churned/enterprise-lost-to-competitor.json");
        ObjectNode data = (ObjectNode) event.get("data");

        data.put("statedReason", "x".repeat(4000));
        assertEquals(List.of(), ContractSchemas.get().validateEvent(event));

        data.put("statedReason", "x".repeat(4001));
        List<Violation> violations = ContractSchemas.get().validateEvent(event);
        assertEquals(1, violations.size());
        assertEquals("/data/statedReason", violations.get(0).pointer());
        assertEquals("maxLength", violations.get(0).rule());
    }

    @Test
    void aTextCutByContractTextAlwaysFits() {
        JsonNode event = TestResources.json("examples/crm.account-churned/enterprise-lost-to-competitor.json");
        ObjectNode data = (ObjectNode) event.get("data");
        String emoji = "\uD83D\uDE00"; // one code point, two chars: the cut must count code points and keep pairs whole
        String cut = ContractText.cut("a" + emoji.repeat(ContractText.MAX_CODE_POINTS));
        assertEquals(ContractText.MAX_CODE_POINTS, cut.codePointCount(0, cut.length()));
        assertTrue(Character.isHighSurrogate(cut.charAt(cut.length() - 2)) && Character.isLowSurrogate(cut.charAt(cut.length() - 1)));
        data.put("statedReason", cut);
        assertEquals(List.of(), ContractSchemas.get().validateEvent(event));
        data.put("statedReason", cut + "x");
        assertEquals(1, ContractSchemas.get().validateEvent(event).size());
        assertEquals("short", ContractText.cut("short"));
        assertNull(ContractText.cut(null));
    }

    @Test
    void severalProblemsAreAllReported() {
        JsonNode event = TestResources.json("invalid/crm.account-churned/last-nps-eleven.json");
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("segment", "HUGE");
        data.remove("customerId");
        List<String> found = ContractSchemas.get().validateEvent(event).stream()
                .map(v -> v.pointer() + " " + v.rule()).toList();
        assertEquals(3, found.size(), found::toString);
        assertEquals(Set.of("/data/customerId required", "/data/segment enum", "/data/lastNps maximum"), Set.copyOf(found));
    }
}
