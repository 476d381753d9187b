package io.lossreview.gateway.web;

import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.gateway.routes.ReviewRoutes;
import io.lossreview.gateway.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ops' view of a month's executive calls: every open call (overdue first), who has it and until when, with
 * reassignment and an outcome recorded on the executive's behalf (the API audits it as such); then the
 * completed calls and the moved ones, which are history.
 */
@Path("/app/calls")
@RolesAllowed({Roles.OPS, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class CallsBoardPage {

    /** One call as the board shows it; {@code overdue}: still open after its due date. */
    public record Row(Map<String, Object> call, String executive, boolean overdue) {
    }

    private final Template board;
    private final PageCalls calls;
    private final ReviewRoutes review;
    private final Months months;
    private final CauseChoices causeChoices;
    private final SecurityIdentity identity;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public CallsBoardPage(@Location("web/calls.html") Template board, PageCalls calls, ReviewRoutes review,
                          Months months, CauseChoices causeChoices, SecurityIdentity identity,
                          BusinessCalendar calendar, Clock clock) {
        this.board = board;
        this.calls = calls;
        this.review = review;
        this.months = months;
        this.causeChoices = causeChoices;
        this.identity = identity;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GET
    public TemplateInstance show(@QueryParam("month") String month, @QueryParam("done") String done,
                                 @Context UriInfo uri) {
        return page(month, uri, Flash.message(done), null, null);
    }

    @POST
    @Path("{id}/reassign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reassign(@PathParam("id") String id, @FormParam("executiveId") String executiveId,
                             @FormParam("reason") String reason, @FormParam("month") String month,
                             @Context UriInfo uri) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("executiveId", executiveId);
        fields.put("reason", reason);
        Loaded moved = calls.load(() -> review.reassign(id, calls.body(fields), uri));
        return moved.ok() ? back(month, "call-reassigned") : failed(month, uri, id, moved);
    }

    @POST
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response outcome(@PathParam("id") String id, @BeanParam OutcomeForm form,
                            @FormParam("month") String month, @Context UriInfo uri) {
        Loaded saved = calls.load(() -> review.outcome(id, calls.body(form.fields()), uri));
        return saved.ok() ? back(month, "outcome-recorded-for") : failed(month, uri, id, saved);
    }

    private static Response back(String month, String done) {
        String m = month == null ? "" : Months.parse(month).map(x -> "month=" + x + "&").orElse("");
        return Response.seeOther(URI.create("/app/calls?" + m + "done=" + done)).build();
    }

    private Response failed(String month, UriInfo uri, String id, Loaded answer) {
        return Response.status(answer.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(month, uri, null, id, answer.error())).build();
    }

    private TemplateInstance page(String month, UriInfo uri, String flash, String failedId, String failure) {
        TemplateInstance t = board.data("viewer", Viewer.of(identity, "/app/calls")).data("flash", flash)
                .data("failedId", failedId).data("failure", failure).data("causes", causeChoices.current());
        YearMonth m = month == null || month.isBlank() ? months.underReview().orElse(null) : Months.parse(month).orElse(null);
        if (m == null) {
            String error = month == null || month.isBlank() ? "No month with losses is known yet."
                    : "“" + month + "” is not a month; pick one as yyyy-MM.";
            return empty(t, month == null ? "" : month, error);
        }
        Loaded assignments = calls.load(() -> review.assignments(m.toString(), null, null, uri));
        if (!assignments.ok()) {
            return empty(t, m.toString(), assignments.error());
        }
        Map<String, String> names = executiveNames();
        LocalDate today = calendar.date(clock.instant());
        List<Row> open = new ArrayList<>();
        List<Row> completed = new ArrayList<>();
        List<Row> moved = new ArrayList<>();
        for (Object o : assignments.list()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> a = (Map<String, Object>) o;
            String status = String.valueOf(a.get("status"));
            String executive = names.getOrDefault(String.valueOf(a.get("executiveId")), String.valueOf(a.get("executiveId")));
            boolean overdue = "ASSIGNED".equals(status) && a.get("dueDate") != null
                    && LocalDate.parse(String.valueOf(a.get("dueDate"))).isBefore(today);
            Row row = new Row(a, executive, overdue);
            (switch (status) {
                case "ASSIGNED" -> open;
                case "COMPLETED" -> completed;
                default -> moved;
            }).add(row);
        }
        open.sort(Comparator.comparing((Row r) -> !r.overdue()).thenComparing(r -> String.valueOf(r.call().get("dueDate"))));
        return t.data("month", m.toString()).data("monthTitle", Months.title(m)).data("error", null)
                .data("open", open).data("completed", completed).data("moved", moved)
                .data("overdue", open.stream().filter(Row::overdue).count())
                .data("executives", names);
    }

    /** Executive id → name, for the board and the reassignment choice; ids alone when the roster is unavailable. */
    private Map<String, String> executiveNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Object o : calls.load(review::executives).list()) {
            Map<?, ?> e = (Map<?, ?>) o;
            if (Boolean.TRUE.equals(e.get("active"))) {
                names.put(String.valueOf(e.get("id")), String.valueOf(e.get("name")));
            }
        }
        return names;
    }

    private static TemplateInstance empty(TemplateInstance t, String month, String error) {
        return t.data("month", month).data("monthTitle", month).data("error", error).data("open", List.of())
                .data("completed", List.of()).data("moved", List.of()).data("overdue", 0L).data("executives", Map.of());
    }
}
