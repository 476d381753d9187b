package io.lossreview.gateway.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.common.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A problem a service answered names the service's own path as its instance; the caller only knows
 * the gateway's, so that is put in its place (internal paths stay internal).
 */
public class PublicInstances {

    private final ObjectMapper mapper;

    public PublicInstances(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerResponseFilter
    public void rewrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getMediaType() == null || !Problem.MEDIA_TYPE.equals(response.getMediaType().toString())
                || !(response.getEntity() instanceof String body)) {
            return;
        }
        try {
            JsonNode problem = mapper.readTree(body);
            if (problem instanceof ObjectNode o) {
                o.put("instance", request.getUriInfo().getPath());
                response.setEntity(mapper.writeValueAsString(o));
            }
        } catch (JsonProcessingException e) {
            // not the problem JSON it claims to be: passed on untouched
        }
    }
}
