package io.lossreview.gateway.web;

import io.lossreview.gateway.routes.AnalysisRoutes;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review queue for ops: defections the classifier was unsure of, most valuable first, each
 * with its verbatim reason and evidence, and a cause to pick for it.
 */
@Path("/app/review-queue")
@RolesAllowed({Roles.OPS, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ReviewQueuePage {

    static final int PAGE_SIZE = 20;

    private final Template queue;
    private final PageCalls calls;
    private final AnalysisRoutes analysis;
    private final CauseChoices causeChoices;
    private final SecurityIdentity identity;

    public ReviewQueuePage(@Location("web/review-queue.html") Template queue, PageCalls calls, AnalysisRoutes analysis,
                           CauseChoices causeChoices, SecurityIdentity identity) {
        this.queue = queue;
        this.calls = calls;
        this.analysis = analysis;
        this.causeChoices = causeChoices;
        this.identity = identity;
    }

    @GET
    public TemplateInstance show(@QueryParam("month") String month, @QueryParam("page") @DefaultValue("0") int page,
                                 @QueryParam("done") String done) {
        return page(month, page, Flash.message(done), null, null);
    }

    @POST
    @Path("{id}/cause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setCause(@PathParam("id") String id, @FormParam("cause") String cause, @FormParam("note") String note,
                             @FormParam("month") String month, @FormParam("page") @DefaultValue("0") int page,
                             @Context UriInfo uri) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cause", cause);
        fields.put("note", note);
        Loaded saved = calls.load(() -> analysis.setCause(id, calls.body(fields), uri));
        if (saved.ok()) {
            String filter = month == null || month.isBlank() ? "" : "&month=" + Months.parse(month).map(Object::toString).orElse("");
            return Response.seeOther(URI.create("/app/review-queue?done=cause-set&page=" + page + filter)).build();
        }
        return Response.status(saved.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(month, page, null, id, saved.error())).build();
    }

    private TemplateInstance page(String month, int page, String flash, String failedId, String failure) {
        TemplateInstance t = queue.data("viewer", Viewer.of(identity, "/app/review-queue")).data("flash", flash)
                .data("month", month == null ? "" : month).data("failedId", failedId).data("failure", failure);
        String m = month == null || month.isBlank() ? null : month;
        Loaded items = calls.load(() -> analysis.reviewQueue(m, String.valueOf(Math.max(0, page)), String.valueOf(PAGE_SIZE)));
        Map<String, Object> result = items.map();
        long total = result.get("total") instanceof Number n ? n.longValue() : 0;
        return t.data("error", items.error()).data("items", result.getOrDefault("items", List.of()))
                .data("total", total).data("page", Math.max(0, page))
                .data("hasPrevious", page > 0).data("hasNext", (long) (page + 1) * PAGE_SIZE < total)
                .data("causes", causeChoices.current());
    }
}
