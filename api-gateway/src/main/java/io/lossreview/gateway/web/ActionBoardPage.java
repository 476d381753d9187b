package io.lossreview.gateway.web;

import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.gateway.routes.AnalysisRoutes;
import io.lossreview.gateway.routes.ReviewRoutes;
import io.lossreview.gateway.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action items the review decided, as a board: open, overdue (open past their due date) and
 * done. Ops and admins open actions and move them along; executives read the board.
 */
@Path("/app/actions")
@RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
@Produces(MediaType.TEXT_HTML)
public class ActionBoardPage {

    /** One column of the board. */
    public record Column(String id, String title, List<Object> items, String whenEmpty) {
    }

    private final Template board;
    private final PageCalls calls;
    private final ReviewRoutes review;
    private final CauseChoices causeChoices;
    private final SecurityIdentity identity;
    private final BusinessCalendar calendar;
    private final java.time.Clock clock;
    private final Months months;
    private final AnalysisRoutes analysis;

    public ActionBoardPage(@Location("web/actions.html") Template board, PageCalls calls, ReviewRoutes review,
                           CauseChoices causeChoices, SecurityIdentity identity, BusinessCalendar calendar,
                           java.time.Clock clock, Months months, AnalysisRoutes analysis) {
        this.months = months;
        this.analysis = analysis;
        this.board = board;
        this.calls = calls;
        this.review = review;
        this.causeChoices = causeChoices;
        this.identity = identity;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GET
    public TemplateInstance show(@QueryParam("done") String done) {
        return page(Flash.message(done), null, Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response open(@FormParam("cause") String cause, @FormParam("description") String description,
                         @FormParam("owner") String owner, @FormParam("dueDate") String dueDate, @Context UriInfo uri) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cause", cause);
        fields.put("description", description);
        fields.put("owner", owner);
        fields.put("dueDate", dueDate);
        Loaded opened = calls.load(() -> review.openAction(calls.body(fields), uri));
        if (opened.ok()) {
            return Response.seeOther(URI.create("/app/actions?done=action-opened")).build();
        }
        return Response.status(opened.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(null, opened.error(), fields)).build();
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response move(@PathParam("id") String id, @FormParam("status") String status, @Context UriInfo uri) {
        Loaded changed = calls.load(() -> review.changeAction(id, calls.body(Map.of("status", status == null ? "" : status)), uri));
        if (changed.ok()) {
            return Response.seeOther(URI.create("/app/actions?done=action-changed")).build();
        }
        return Response.status(changed.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(null, changed.error(), Map.of())).build();
    }

    private TemplateInstance page(String flash, String failure, Map<String, Object> attempted) {
        Loaded actions = calls.load(() -> review.actions(null));
        LocalDate today = calendar.date(clock.instant());
        List<Object> open = new ArrayList<>();
        List<Object> overdue = new ArrayList<>();
        List<Object> done = new ArrayList<>();
        for (Object o : actions.list()) {
            Map<?, ?> a = (Map<?, ?>) o;
            String status = String.valueOf(a.get("status"));
            if ("DONE".equals(status) || "CANCELLED".equals(status)) {
                done.add(a);
            } else if (Boolean.TRUE.equals(a.get("overdue"))) { // review-scheduler's one overdue rule
                overdue.add(a);
            } else {
                open.add(a);
            }
        }
        List<Column> columns = List.of(new Column("open", "Open", open, "No open actions."),
                new Column("overdue", "Overdue", overdue, "Nothing overdue."),
                new Column("done", "Done", done, "Nothing finished yet."));
        Map<String, Object> form = new LinkedHashMap<>();
        for (String field : List.of("cause", "description", "owner", "dueDate")) {
            form.put(field, attempted.get(field) == null ? "" : attempted.get(field));
        }
        return board.data("viewer", Viewer.of(identity, "/app/actions")).data("flash", flash)
                .data("trends", causeTrends(actions.list()))
                .data("error", actions.error()).data("failure", failure).data("attempted", form)
                .data("columns", columns).data("today", today.toString())
                .data("causes", causeChoices.current());
    }

    /** Action id → its cause since it opened; one trend call for the whole board. Empty when the trend is unavailable. */
    private Map<String, ActionTrends.CauseTrend> causeTrends(List<Object> actions) {
        Map<String, ActionTrends.CauseTrend> trends = new LinkedHashMap<>();
        Loaded newest = months.newest();
        if (actions.isEmpty() || !newest.ok()) {
            return trends;
        }
        YearMonth to = Months.endOf(newest);
        Loaded trend = calls.load(() -> analysis.trends(ActionTrends.from(actions, to).toString(), to.toString(), null));
        if (!trend.ok()) {
            return trends;
        }
        Map<String, String> labels = causeChoices.labels();
        for (Object o : actions) {
            Map<?, ?> a = (Map<?, ?>) o;
            String cause = String.valueOf(a.get("cause"));
            ActionTrends.CauseTrend t = ActionTrends.of(a, trend.map(), labels.getOrDefault(cause, cause), PageGlobals.currency());
            if (t != null) {
                trends.put(String.valueOf(a.get("id")), t);
            }
        }
        return trends;
    }
}
