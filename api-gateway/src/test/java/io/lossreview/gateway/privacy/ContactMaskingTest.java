package io.lossreview.gateway.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which contacts an executive may read: only inside their own assignments that are still theirs. */
class ContactMaskingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode assignment(String executive, String status) throws Exception {
        return JSON.readTree("""
                {"id":"a1","executiveId":"%s","status":"%s","brief":{"accountName":"Acme",
                 "contact":{"name":"Rosa Schmidt","title":"CIO","email":"rosa.schmidt@acme.example","phone":"+1-555-0140"}}}"""
                .formatted(executive, status));
    }

    @Test
    void anExecutiveReadsTheContactOfTheirOwnOpenOrCompletedCall() throws Exception {
        for (String status : new String[] {"ASSIGNED", "COMPLETED"}) {
            JsonNode contact = ContactMasking.mask(assignment("ava", status), "ava").path("brief").path("contact");
            assertEquals("rosa.schmidt@acme.example", contact.path("email").asText(), status);
            assertEquals("+1-555-0140", contact.path("phone").asText(), status);
        }
    }

    @Test
    void aCallMovedToSomeoneElseOrAnotherExecutivesCallIsMasked() throws Exception {
        JsonNode moved = ContactMasking.mask(assignment("ava", "REASSIGNED"), "ava").path("brief").path("contact");
        assertEquals("r•••@acme.example", moved.path("email").asText());
        assertEquals("•••40", moved.path("phone").asText());
        assertEquals("Rosa Schmidt", moved.path("name").asText(), "names are not contact data");
        JsonNode others = ContactMasking.mask(assignment("ben", "ASSIGNED"), "ava").path("brief").path("contact");
        assertEquals("r•••@acme.example", others.path("email").asText());
        JsonNode noRoster = ContactMasking.mask(assignment("ava", "ASSIGNED"), null).path("brief").path("contact");
        assertEquals("•••40", noRoster.path("phone").asText());
    }

    @Test
    void aContactOutsideAnyAssignmentIsMaskedAndListsAreWalked() throws Exception {
        JsonNode list = JSON.createArrayNode().add(assignment("ava", "ASSIGNED"))
                .add(JSON.readTree("{\"customer\":{\"contact\":{\"email\":\"x@y.example\"}}}"));
        ContactMasking.mask(list, "ava");
        assertEquals("rosa.schmidt@acme.example", list.path(0).path("brief").path("contact").path("email").asText());
        assertEquals("x•••@y.example", list.path(1).path("customer").path("contact").path("email").asText());
        assertEquals(false, list.path(1).path("customer").path("contact").has("phone"), "absent fields stay absent");
    }

    @Test
    void oddValuesAreMaskedWithoutLeakingThem() {
        assertEquals("•••", ContactMasking.email("no-at-sign"));
        assertEquals("•••", ContactMasking.phone("7"));
        assertEquals("", ContactMasking.email(""));
    }
}
