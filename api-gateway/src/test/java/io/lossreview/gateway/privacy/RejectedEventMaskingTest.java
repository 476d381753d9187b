package io.lossreview.gateway.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RejectedEventMaskingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode listing(String payload) throws Exception {
        return JSON.readTree("{\"items\":[{\"id\":\"1\",\"key\":\"rita.ray@acme.example\",\"payload\":"
                + JSON.writeValueAsString(payload) + ",\"payloadBase64\":null,"
                + "\"headers\":[{\"name\":\"from\",\"value\":\"ops+555 0100 4471@x.io\"}],"
                + "\"violations\":[{\"field\":\"/data/contact/email\"}]}],\"total\":1}");
    }

    @Test
    void contactsInAJsonPayloadAreMaskedAndEverythingElseKept() throws Exception {
        String payload = "{\"data\":{\"customerId\":\"c-1\",\"seats\":25,\"cancelledAt\":\"2025-03-04T10:15:30Z\","
                + "\"contact\":{\"name\":\"Rita Ray\",\"email\":\"rita.ray@acme.example\",\"phone\":\"+1 555-0100-4471\"},"
                + "\"note\":\"call rita.ray@acme.example soon\",\"mobileNumber\":15550199},\"id\":\"e-1\"}";
        JsonNode item = RejectedEventMasking.mask(listing(payload), JSON).path("items").get(0);
        String masked = item.path("payload").asText();
        assertFalse(masked.contains("rita.ray@"), masked);
        assertFalse(masked.contains("0100-4471"), masked);
        assertFalse(masked.contains("15550199"), masked);
        JsonNode tree = JSON.readTree(masked);
        assertEquals("r•••@acme.example", tree.at("/data/contact/email").asText());
        assertEquals("•••71", tree.at("/data/contact/phone").asText());
        assertEquals("Rita Ray", tree.at("/data/contact/name").asText());
        assertEquals(25, tree.at("/data/seats").asInt());
        assertTrue(tree.at("/data/seats").isNumber());
        assertEquals("2025-03-04T10:15:30Z", tree.at("/data/cancelledAt").asText());
        assertEquals("call r•••@acme.example soon", tree.at("/data/note").asText());
        assertEquals("r•••@acme.example", item.path("key").asText());
        assertFalse(item.at("/headers/0/value").asText().contains("4471"), item.at("/headers/0/value").asText());
        assertEquals("/data/contact/email", item.at("/violations/0/field").asText());
    }

    @Test
    void aPayloadThatIsNoJsonIsMaskedAsTextAndBinaryIsWithheld() throws Exception {
        JsonNode item = RejectedEventMasking.mask(listing("{\"email\":\"rita.ray@acme.example\", phone: +44 (20) 7946 0958"), JSON)
                .path("items").get(0);
        String masked = item.path("payload").asText();
        assertFalse(masked.contains("rita.ray"), masked);
        assertFalse(masked.contains("7946"), masked);

        JsonNode binary = JSON.readTree("[{\"payload\":null,\"payloadBase64\":\"AAEC\",\"keyBase64\":\"AA==\"}]");
        JsonNode record = RejectedEventMasking.mask(binary, JSON).get(0);
        assertTrue(record.path("payloadBase64").isNull());
        assertNull(record.get("keyBase64"));
        assertTrue(record.path("payloadWithheld").isTextual());
    }
}
