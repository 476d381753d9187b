package io.lossreview.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.gateway.routes.IngestRoutes;
import io.lossreview.gateway.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rejected events for ops: what came in, from where, which field broke which rule, and a form to
 * replay it corrected. The form starts from the event as a CloudEvent, ready to fix and send.
 */
@Path("/app/rejected-events")
@RolesAllowed({Roles.OPS, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class RejectedEventsPage {

    static final int PAGE_SIZE = 25;

    private final Template rejected;
    private final PageCalls calls;
    private final IngestRoutes ingest;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public RejectedEventsPage(@Location("web/rejected-events.html") Template rejected, PageCalls calls,
                              IngestRoutes ingest, SecurityIdentity identity, ObjectMapper mapper) {
        this.rejected = rejected;
        this.calls = calls;
        this.ingest = ingest;
        this.identity = identity;
        this.mapper = mapper;
    }

    @GET
    public TemplateInstance show(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("done") String done) {
        return page(Math.max(0, page), Flash.message(done), null, null, null);
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") String id, @FormParam("event") String event,
                           @FormParam("page") @DefaultValue("0") int page, @Context UriInfo uri) {
        byte[] body = event == null ? new byte[0] : event.getBytes(StandardCharsets.UTF_8);
        Loaded replayed = calls.load(() -> ingest.replay(id, "application/cloudevents+json", body, uri));
        if (replayed.ok()) {
            return Response.seeOther(URI.create("/app/rejected-events?done=replayed&page=" + page)).build();
        }
        return Response.status(replayed.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(Math.max(0, page), null, id, replayed.error(), event)).build();
    }

    private TemplateInstance page(int page, String flash, String failedId, String failure, String attempted) {
        Loaded list = calls.load(() -> ingest.rejected(String.valueOf(page), String.valueOf(PAGE_SIZE), "false"));
        List<Map<String, Object>> events = new ArrayList<>();
        for (Object o : list.list()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) o);
            e.put("draft", String.valueOf(e.get("id")).equals(failedId) && attempted != null ? attempted : draft(e));
            events.add(e);
        }
        return rejected.data("viewer", Viewer.of(identity, "/app/rejected-events")).data("flash", flash)
                .data("error", list.error()).data("events", events).data("page", page)
                .data("hasPrevious", page > 0).data("hasNext", events.size() == PAGE_SIZE)
                .data("failedId", failedId).data("failure", failure);
    }

    /**
     * The event as a structured CloudEvent to correct. Events from Kafka were stored as their data
     * only (the CloudEvent attributes travelled in headers), so the attributes are put back around it.
     */
    private String draft(Map<String, Object> rejectedEvent) {
        String payload = String.valueOf(rejectedEvent.getOrDefault("payload", ""));
        try {
            JsonNode parsed = mapper.readTree(payload);
            if (parsed == null || !parsed.isObject()) {
                return payload;
            }
            if (parsed.has("specversion")) {
                return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(parsed);
            }
            ObjectNode event = mapper.createObjectNode().put("specversion", "1.0");
            putIfKnown(event, "id", rejectedEvent.get("eventId"));
            putIfKnown(event, "source", rejectedEvent.get("eventSource"));
            putIfKnown(event, "type", rejectedEvent.get("eventType"));
            event.put("datacontenttype", "application/json");
            event.set("data", parsed);
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (java.io.IOException e) {
            return payload; // not JSON at all: shown as it came, to be rewritten by hand
        }
    }

    private static void putIfKnown(ObjectNode event, String name, Object value) {
        if (value != null) {
            event.put(name, value.toString());
        }
    }
}
