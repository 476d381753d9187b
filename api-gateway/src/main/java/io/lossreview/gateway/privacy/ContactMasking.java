package io.lossreview.gateway.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Masks contact data (e-mail, phone) in an API answer. Ops and admins see it all; an executive sees
 * it only inside their own assignments that are still theirs (a call moved to someone else is
 * history, not a reason to keep reading the customer's phone number). Names and titles stay.
 */
public final class ContactMasking {

    private static final String CONTACT = "contact";

    private ContactMasking() {
    }

    /**
     * Masks in place every contact outside the caller's live assignments.
     *
     * @param executiveId the caller's roster id, or null when they are no executive on the roster
     */
    public static JsonNode mask(JsonNode tree, String executiveId) {
        walk(tree, executiveId, false);
        return tree;
    }

    /** a.b@c.com → "a•••@c.com"; blank stays blank. */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "•••" : email.charAt(0) + "•••" + email.substring(at);
    }

    /** +1-555-0140 → "•••40": enough to tell two numbers apart, not to dial one. */
    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        return "•••" + (digits.length() >= 2 ? digits.substring(digits.length() - 2) : "");
    }

    private static void walk(JsonNode node, String executiveId, boolean visible) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, executiveId, visible));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        boolean here = object.has("executiveId") ? ownLiveAssignment(object, executiveId) : visible;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (CONTACT.equals(field.getKey()) && field.getValue().isObject() && !here) {
                ObjectNode contact = (ObjectNode) field.getValue();
                maskField(contact, "email", ContactMasking.email(contact.path("email").asText(null)));
                maskField(contact, "phone", ContactMasking.phone(contact.path("phone").asText(null)));
            } else {
                walk(field.getValue(), executiveId, here);
            }
        }
    }

    private static boolean ownLiveAssignment(ObjectNode assignment, String executiveId) {
        return executiveId != null && executiveId.equals(assignment.path("executiveId").asText(null))
                && !"REASSIGNED".equals(assignment.path("status").asText());
    }

    private static void maskField(ObjectNode contact, String name, String masked) {
        if (contact.hasNonNull(name)) {
            contact.put(name, masked);
        }
    }
}
