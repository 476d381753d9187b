package io.lossreview.gateway.web;

import io.lossreview.gateway.routes.ReviewRoutes;
import io.lossreview.gateway.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An executive's calls: open ones first (soonest due), each with its pre-call brief and the outcome
 * form; completed ones below with what was recorded. Calls moved to someone else are not shown.
 */
@Path("/app/my-calls")
@RolesAllowed(Roles.EXECUTIVE)
@Produces(MediaType.TEXT_HTML)
public class MyCallsPage {

    private final Template myCalls;
    private final PageCalls calls;
    private final ReviewRoutes review;
    private final CauseChoices causeChoices;
    private final SecurityIdentity identity;

    public MyCallsPage(@Location("web/my-calls.html") Template myCalls, PageCalls calls, ReviewRoutes review,
                       CauseChoices causeChoices, SecurityIdentity identity) {
        this.myCalls = myCalls;
        this.calls = calls;
        this.review = review;
        this.causeChoices = causeChoices;
        this.identity = identity;
    }

    @GET
    public TemplateInstance show(@QueryParam("done") String done, @Context UriInfo uri) {
        return page(uri, Flash.message(done), null, null);
    }

    @POST
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response outcome(@PathParam("id") String id, @BeanParam OutcomeForm form,
                            @Context UriInfo uri) {
        Loaded saved = calls.load(() -> review.outcome(id, calls.body(form.fields()), uri));
        if (saved.ok()) {
            return Response.seeOther(URI.create("/app/my-calls?done=outcome-saved")).build();
        }
        return Response.status(saved.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(uri, null, id, saved.error())).build();
    }

    private TemplateInstance page(UriInfo uri, String flash, String failedId, String failure) {
        Loaded mine = calls.load(() -> review.mine(uri));
        List<Object> shown = mine.list().stream()
                .filter(a -> !"REASSIGNED".equals(field(a, "status")))
                .sorted(Comparator.comparing((Object a) -> !"ASSIGNED".equals(field(a, "status")))
                        .thenComparing(a -> String.valueOf(field(a, "dueDate"))))
                .toList();
        return myCalls.data("viewer", Viewer.of(identity, "/app/my-calls")).data("flash", flash)
                .data("error", mine.error()).data("assignments", shown)
                .data("causes", causeChoices.current())
                .data("failedId", failedId).data("failure", failure);
    }

    private static Object field(Object assignment, String name) {
        return ((Map<?, ?>) assignment).get(name);
    }
}
