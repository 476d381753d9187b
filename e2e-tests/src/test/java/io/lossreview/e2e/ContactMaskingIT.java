package io.lossreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Contact data through the real gateway and scheduler: ops see it, the executive a call belongs to
 * sees it, and once ops move the call to another executive the first one sees it masked.
 */
class ContactMaskingIT {

    @Test
    void contactDataFollowsTheCall() {
        JsonNode mine = Platform.get(Platform.EXECUTIVE, "/api/v1/me/assignments");
        JsonNode call = null;
        for (JsonNode a : mine) {
            if ("ASSIGNED".equals(a.path("status").asText()) && a.path("brief").path("contact").has("phone")) {
                call = a; // the last open one with a phone number: ExecutiveJourneyIT takes the first
            }
        }
        assertTrue(call != null, "the executive has an open call with a phone number: " + mine);
        String id = call.path("id").asText();
        String phone = call.path("brief").path("contact").path("phone").asText();
        assertTrue(phone.matches(".*\\d{3,}.*"), "her own open call shows the real number: " + phone);

        JsonNode moved = Platform.post(Platform.OPS, "/api/v1/assignments/" + id + "/reassign", "application/json",
                "{\"executiveId\":\"" + Platform.OTHER_EXECUTIVE_ID + "\",\"reason\":\"contact masking check\"}");
        String newId = moved.path("id").asText();

        JsonNode old = Platform.get(Platform.EXECUTIVE, "/api/v1/assignments/" + id);
        assertEquals("REASSIGNED", old.path("status").asText());
        String masked = old.path("brief").path("contact").path("phone").asText();
        assertTrue(masked.startsWith("•••") && !masked.equals(phone), "a call moved away is masked: " + masked);
        for (JsonNode a : Platform.get(Platform.EXECUTIVE, "/api/v1/me/assignments")) {
            if (a.path("id").asText().equals(id)) {
                assertEquals(masked, a.path("brief").path("contact").path("phone").asText(), "masked in her list too");
            }
        }
        JsonNode taker = Platform.get(Platform.OTHER_EXECUTIVE, "/api/v1/assignments/" + newId);
        assertEquals(phone, taker.path("brief").path("contact").path("phone").asText(), "the new caller sees it");
        JsonNode opsView = Platform.get(Platform.OPS, "/api/v1/assignments/" + id);
        assertEquals(phone, opsView.path("brief").path("contact").path("phone").asText(), "ops see it");
        assertNotEquals(id, newId);
    }
}
