package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Draft 2020-12 makes "format" an annotation by default; these prove ContractSchemas turned assertions on. */
class FormatAssertionsTest {

    private static final ContractSchemas SCHEMAS = ContractSchemas.get();

    private static JsonNode churned() {
        return TestResources.json("examples/crm.account-churned/enterprise-lost-to-competitor.json").get("data");
    }

    private static List<String> withChurned(String field, String value) {
        ObjectNode data = (ObjectNode) churned();
        data.put(field, value);
        return SCHEMAS.validateData(EventTypes.ACCOUNT_CHURNED, data).stream().map(v -> v.pointer() + " " + v.rule()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-03-06T16:19:00", "2025-13-06T16:19:00Z", "2025-03-06", "1741278000"})
    void badDateTimeIsRejected(String value) {
        assertEquals(List.of("/data/churnedAt format"), withChurned("churnedAt", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-06T16:19:00Z", "2025-03-06T17:19:00+01:00", "2025-03-06T16:19:00.123456Z"})
    void rfc3339DateTimeIsAccepted(String value) {
        assertEquals(List.of(), withChurned("churnedAt", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-30", "14.06.2021", "2021-6-14", "20210614"})
    void badDateIsRejected(String value) {
        assertEquals(List.of("/data/customerSince format"), withChurned("customerSince", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jonas.weber at northwind", "jonas.weber@", "@northwind-logistics.example", "a@b@c.example"})
    void badEmailIsRejected(String value) {
        ObjectNode data = (ObjectNode) churned();
        ((ObjectNode) data.get("contact")).put("email", value);
        List<Violation> violations = SCHEMAS.validateData(EventTypes.ACCOUNT_CHURNED, data);
        assertEquals(List.of(new Violation("/data/contact/email", "format", violations.get(0).message())), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "6f1c2f4e8a344c1e9d7a2f0f5b6c7d8e", "6f1c2f4e-8a34-4c1e-9d7a-2f0f5b6c7d8"})
    void badUuidIsRejectedInOutboundData(String value) {
        JsonNode data = TestResources.json("examples/loss.packet-published/2025-03-first.json").get("data");
        ((ObjectNode) data).put("packetId", value);
        assertEquals(List.of("/data/packetId format"),
                SCHEMAS.validateData(EventTypes.PACKET_PUBLISHED, data).stream().map(v -> v.pointer() + " " + v.rule()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a uri", "http://[broken"})
    void envelopeSourceMustBeAUriReference(String value) {
        JsonNode event = TestResources.json("examples/crm.account-churned/smb-do-not-contact.json");
        ((ObjectNode) event).put("source", value);
        assertEquals(List.of("/source format"),
                SCHEMAS.validateEnvelope(event).stream().map(v -> v.pointer() + " " + v.rule()).toList());
    }
}
