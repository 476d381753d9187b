package io.lossreview.gateway.routes;

import io.lossreview.gateway.privacy.ContactMasking;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.gateway.routes.Executives;
import io.lossreview.gateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** Applies {@link ContactMasking} to an answer on its way to the caller. */
@ApplicationScoped
public class ContactPrivacy {

    private final Executives executives;
    private final ObjectMapper mapper;

    public ContactPrivacy(Executives executives, ObjectMapper mapper) {
        this.executives = executives;
        this.mapper = mapper;
    }

    public Response forCaller(SecurityIdentity caller, Response answer) {
        if (caller.hasRole(Roles.OPS) || caller.hasRole(Roles.ADMIN) || answer.getStatus() >= 300
                || !(answer.getEntity() instanceof String body) || !body.contains("\"contact\"")) {
            return answer;
        }
        try {
            JsonNode masked = ContactMasking.mask(mapper.readTree(body), executives.idOf(caller).orElse(null));
            return Response.fromResponse(answer).entity(mapper.writeValueAsString(masked)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("review-scheduler sent no JSON", e);
        }
    }
}
