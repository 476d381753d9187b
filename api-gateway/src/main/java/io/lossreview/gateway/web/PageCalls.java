package io.lossreview.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.problem.Problem;
import io.lossreview.common.problem.ProblemMappers;
import io.lossreview.common.problem.ProblemType;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the API's own route methods for a page, so a page sees exactly what the API would answer the
 * same user (roles, ownership, audit, masking), and turns the answer into template data.
 */
@ApplicationScoped
public class PageCalls {

    private final ObjectMapper mapper;

    public PageCalls(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Loaded load(Supplier<Response> route) {
        try {
            return loaded(route.get());
        } catch (ForbiddenException e) {
            return new Loaded(null, Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this"));
        } catch (RuntimeException e) {
            // A problem the route raised on purpose is shown on the page; anything else is a bug and goes on up.
            return new Loaded(null, ProblemMappers.problemOf(e).orElseThrow(() -> e));
        }
    }

    /** A route that answers an object directly (the dashboard). */
    public Loaded loadValue(Supplier<Object> route) {
        return load(() -> Response.ok(route.get()).build());
    }

    /** A form's fields as the JSON body the API takes; blank fields are left out. */
    public String body(Map<String, Object> fields) {
        Map<String, Object> present = new java.util.LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                present.put(k, v);
            }
        });
        try {
            return mapper.writeValueAsString(present);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form fields are always serializable", e);
        }
    }

    private Loaded loaded(Response r) {
        Object entity = r.getEntity();
        try {
            if (r.getStatus() >= 400) {
                Problem p = entity instanceof String s && !s.isBlank() ? mapper.readValue(s, Problem.class)
                        : Problem.of(ProblemType.forStatus(r.getStatus()), "The request failed (" + r.getStatus() + ")");
                return new Loaded(null, p);
            }
            Object data = entity instanceof String s ? (s.isBlank() ? null : mapper.readValue(s, Object.class))
                    : entity == null ? null : mapper.convertValue(entity, Object.class);
            return new Loaded(data, null);
        } catch (JsonProcessingException e) {
            return new Loaded(null, Problem.of(ProblemType.UNAVAILABLE, "The service sent an answer that could not be read"));
        }
    }
}
