package io.lossreview.gateway.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.problem.ProblemException;
import io.lossreview.common.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Which roster executive the caller is: the token's upn is the executive's e-mail or id. Request
 * scoped, so the ownership check and the contact masking of one request read the roster once.
 */
@RequestScoped
public class Executives {

    private final SchedulerRoutesClient scheduler;
    private final ObjectMapper mapper;
    private final Map<String, Optional<String>> resolved = new HashMap<>();

    public Executives(@RestClient SchedulerRoutesClient scheduler, ObjectMapper mapper) {
        this.scheduler = scheduler;
        this.mapper = mapper;
    }

    public Optional<String> idOf(SecurityIdentity caller) {
        return resolved.computeIfAbsent(caller.getPrincipal().getName().toLowerCase(Locale.ROOT), this::lookUp);
    }

    private Optional<String> lookUp(String name) {
        for (JsonNode e : json(Downstream.call("review-scheduler", scheduler::executives))) {
            if (name.equals(e.path("id").asText()) || name.equals(e.path("email").asText().toLowerCase(Locale.ROOT))) {
                return Optional.of(e.path("id").asText());
            }
        }
        return Optional.empty();
    }

    /** The caller's executive id; a token that is no executive on the roster gets a 403. */
    public String required(SecurityIdentity caller) {
        return idOf(caller).orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "you are not on the executive roster (" + caller.getPrincipal().getName() + ")"));
    }

    JsonNode json(jakarta.ws.rs.core.Response r) {
        try {
            return mapper.readTree(String.valueOf(r.getEntity()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("review-scheduler sent no JSON", e);
        }
    }
}
