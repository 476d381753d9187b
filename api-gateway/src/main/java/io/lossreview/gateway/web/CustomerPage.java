package io.lossreview.gateway.web;

import io.lossreview.gateway.routes.CustomerRoutes;
import io.lossreview.gateway.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A customer's whole story on one page (every loss, their words, the cause and who changed it, the calls and
 * what they learned, win-back), and the search that finds them from every page. The page shows what the API's
 * customer route answers this user: the same roles, audit and contact masking.
 */
@Path("/app/customers")
@RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
@Produces(MediaType.TEXT_HTML)
public class CustomerPage {

    /** One loss of the customer with the calls made about it. */
    public record Episode(Map<String, Object> defection, List<Object> causeHistory, List<Map<String, Object>> calls) {
    }

    private final Template search;
    private final Template customer;
    private final PageCalls calls;
    private final CustomerRoutes customers;
    private final CauseChoices causeChoices;
    private final SecurityIdentity identity;

    public CustomerPage(@Location("web/customers.html") Template search, @Location("web/customer.html") Template customer,
                        PageCalls calls, CustomerRoutes customers, CauseChoices causeChoices, SecurityIdentity identity) {
        this.search = search;
        this.customer = customer;
        this.calls = calls;
        this.customers = customers;
        this.causeChoices = causeChoices;
        this.identity = identity;
    }

    /** The search: one match opens that customer at once, several are listed, none says so. */
    @GET
    public Response find(@QueryParam("q") String q) {
        TemplateInstance page = search.data("viewer", Viewer.of(identity, "/app/customers")).data("q", q == null ? "" : q);
        if (q == null || q.isBlank()) {
            return html(page.data("matches", List.of()).data("error", null));
        }
        Loaded found = calls.load(() -> customers.find(q, null));
        if (found.ok() && found.list().size() == 1) {
            String id = String.valueOf(((Map<?, ?>) found.list().get(0)).get("customerId"));
            return Response.seeOther(UriBuilder.fromPath("/app/customers/{id}").build(id)).build();
        }
        return html(page.data("matches", found.list()).data("error", found.error()));
    }

    @GET
    @Path("{customerId}")
    public Response show(@PathParam("customerId") String customerId, @Context UriInfo uri) {
        TemplateInstance page = customer.data("viewer", Viewer.of(identity, "/app/customers"))
                .data("labels", causeChoices.labels());
        Loaded story = calls.load(() -> customers.customer(customerId, uri));
        if (!story.ok()) {
            return Response.status(story.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page.data("customerId", customerId).data("story", null).data("episodes", List.of())
                            .data("error", story.problem().status() == 404
                                    ? "No loss of a customer “" + customerId + "” is known. Search by name or id above."
                                    : story.error()).render()).build();
        }
        Map<String, Object> s = story.map();
        return html(page.data("customerId", customerId).data("story", s).data("episodes", episodes(s)).data("error", null));
    }

    /** The losses newest first, each with the calls about it (a call names the defection it is about). */
    @SuppressWarnings("unchecked")
    static List<Episode> episodes(Map<String, Object> story) {
        List<Map<String, Object>> allCalls = new ArrayList<>();
        for (Object c : (List<?>) story.getOrDefault("calls", List.of())) {
            allCalls.add((Map<String, Object>) c);
        }
        List<Episode> episodes = new ArrayList<>();
        for (Object o : (List<?>) story.getOrDefault("defections", List.of())) {
            Map<String, Object> e = (Map<String, Object>) o;
            Map<String, Object> defection = (Map<String, Object>) e.get("defection");
            String id = String.valueOf(defection.get("id"));
            List<Map<String, Object>> about = allCalls.stream().filter(c -> id.equals(String.valueOf(c.get("defectionId")))).toList();
            episodes.add(new Episode(defection, (List<Object>) e.getOrDefault("causeHistory", List.of()), about));
        }
        return episodes;
    }

    private static Response html(TemplateInstance page) {
        return Response.ok(page.render(), MediaType.TEXT_HTML_TYPE).build();
    }
}
