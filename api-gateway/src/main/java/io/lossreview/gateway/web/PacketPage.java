package io.lossreview.gateway.web;

import io.lossreview.gateway.routes.ReviewRoutes;
import io.lossreview.gateway.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.FormParam;
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
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The packet viewer: a month's revisions, the chosen revision shown as the scheduler rendered it,
 * PDF download (A4 or Letter), and for admins a (re)build button.
 */
@Path("/app/packets")
@RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
public class PacketPage {

    private final Template packets;
    private final PageCalls calls;
    private final Months months;
    private final ReviewRoutes review;
    private final SecurityIdentity identity;

    public PacketPage(@Location("web/packets.html") Template packets, PageCalls calls, Months months,
                      ReviewRoutes review, SecurityIdentity identity) {
        this.packets = packets;
        this.calls = calls;
        this.months = months;
        this.review = review;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("month") String month, @QueryParam("revision") Integer revision,
                                 @QueryParam("done") String done) {
        return page(month, revision, Flash.message(done), null);
    }

    private TemplateInstance page(String month, Integer revision, String flash, String failed) {
        TemplateInstance page = packets.data("viewer", Viewer.of(identity, "/app/packets")).data("flash", flash);
        YearMonth m;
        if (month == null || month.isBlank()) {
            Loaded newest = months.newest();
            if (!newest.ok()) {
                return page.data("month", "").data("revisions", List.of()).data("shown", null).data("error", newest.error());
            }
            m = Months.endOf(newest);
        } else {
            m = Months.parse(month).orElse(null);
            if (m == null) {
                return page.data("month", month).data("revisions", List.of()).data("shown", null)
                        .data("error", "“" + month + "” is not a month; pick one as yyyy-MM.");
            }
        }
        Loaded revisions = calls.load(() -> review.revisions(m.toString()));
        List<Object> list = revisions.list();
        Object shown = null;
        for (Object r : list) {
            int n = ((Number) ((Map<?, ?>) r).get("revision")).intValue();
            if (revision == null || n == revision) {
                shown = r; // the newest when none is asked for: the list is oldest first
            }
        }
        // No packet yet is an empty state, not an error.
        boolean none = !revisions.ok() && revisions.problem().status() == 404;
        String error = failed != null ? failed : revisions.ok() || none ? null : revisions.error();
        return page.data("month", m.toString()).data("revisions", list).data("shown", shown).data("error", error)
                .data("inProgress", months.inProgress(m) ? Months.title(m) : null);
    }

    /** The revision as the scheduler rendered it, shown in the viewer's frame. */
    @GET
    @Path("{month}/document")
    @Produces(MediaType.TEXT_HTML)
    public Response document(@PathParam("month") String month, @QueryParam("revision") Integer revision) {
        return review.html(month, revision);
    }

    @GET
    @Path("{month}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("month") String month, @QueryParam("revision") Integer revision,
                        @QueryParam("paper") String paper) {
        return review.pdf(month, revision, paper);
    }

    @POST
    @Path("{month}/build")
    @RolesAllowed(Roles.ADMIN)
    public Response build(@PathParam("month") String month, @FormParam("confirm") String confirm, @Context UriInfo uri) {
        YearMonth m = Months.parse(month).orElse(null);
        if (m != null && months.inProgress(m) && !"yes".equals(confirm)) {
            return Response.status(409).type(MediaType.TEXT_HTML_TYPE).entity(page(month, null, null, Months.title(m)
                    + " has not ended: confirm that you want to freeze its figures as they stand and assign its calls now.")).build();
        }
        Loaded built = calls.load(() -> review.build(month, uri));
        if (built.ok()) {
            return Response.seeOther(URI.create("/app/packets?month=" + month + "&done=packet-built")).build();
        }
        return Response.status(built.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(month, null, null, built.error())).build();
    }
}
