package io.lossreview.gateway.web;

import io.lossreview.gateway.routes.AnalysisRoutes;
import io.lossreview.gateway.routes.ReviewQueueRoutes;
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
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review queue for ops: defections the classifier was unsure of, most valuable first, each with its verbatim
 * reason and evidence, and a cause to pick for it. It opens on the month under review, counts every month's queue,
 * parks the items with no words to judge under their own filter, and accepts the suggestion for the rows ticked.
 */
@Path("/app/review-queue")
@RolesAllowed({Roles.OPS, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ReviewQueuePage {

    static final int PAGE_SIZE = 20;
    /** The month filter's value for every month at once. */
    static final String ALL_MONTHS = "all";

    private final Template queue;
    private final PageCalls calls;
    private final AnalysisRoutes analysis;
    private final ReviewQueueRoutes reviewQueue;
    private final Months months;
    private final CauseChoices causeChoices;
    private final SecurityIdentity identity;

    public ReviewQueuePage(@Location("web/review-queue.html") Template queue, PageCalls calls, AnalysisRoutes analysis,
                           ReviewQueueRoutes reviewQueue, Months months, CauseChoices causeChoices,
                           SecurityIdentity identity) {
        this.queue = queue;
        this.calls = calls;
        this.analysis = analysis;
        this.reviewQueue = reviewQueue;
        this.months = months;
        this.causeChoices = causeChoices;
        this.identity = identity;
    }

    /** What the page lists: a month (or all) and whether the items have words to judge. */
    record Filter(String month, boolean words, int page) {

        String query() {
            return "month=" + month + "&words=" + words;
        }
    }

    @GET
    public TemplateInstance show(@QueryParam("month") String month, @QueryParam("words") @DefaultValue("true") String words,
                                 @QueryParam("page") @DefaultValue("0") int page, @QueryParam("done") String done,
                                 @QueryParam("accepted") Integer accepted) {
        String flash = accepted != null ? QueueAnswers.acceptedFlash(accepted) : Flash.message(done);
        return page(filter(month, words, page), flash, null, null);
    }

    @POST
    @Path("{id}/cause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setCause(@PathParam("id") String id, @FormParam("cause") String cause, @FormParam("note") String note,
                             @FormParam("month") String month, @FormParam("words") @DefaultValue("true") String words,
                             @FormParam("page") @DefaultValue("0") int page, @Context UriInfo uri) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cause", cause);
        fields.put("note", note);
        Filter filter = filter(month, words, page);
        Loaded saved = calls.load(() -> analysis.setCause(id, calls.body(fields), uri));
        if (saved.ok()) {
            return Response.seeOther(URI.create("/app/review-queue?done=cause-set&page=" + filter.page() + "&" + filter.query())).build();
        }
        return Response.status(saved.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(filter, null, id, saved.error())).build();
    }

    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@FormParam("id") List<String> ids, @FormParam("month") String month,
                           @FormParam("words") @DefaultValue("true") String words, @Context UriInfo uri) {
        Filter filter = filter(month, words, 0);
        if (ids == null || ids.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(filter, null, null, "Tick the rows whose suggestion you accept first.")).build();
        }
        Loaded accepted = calls.load(() -> reviewQueue.accept(calls.body(Map.of("ids", ids)), uri));
        if (accepted.ok()) {
            return Response.seeOther(URI.create("/app/review-queue?accepted=" + QueueAnswers.accepted(accepted) + "&"
                    + filter.query())).build();
        }
        return Response.status(accepted.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(filter, null, null, accepted.error())).build();
    }

    private Filter filter(String month, String words, int page) {
        String m;
        if (month == null || month.isBlank()) {
            m = months.underReview().map(YearMonth::toString).orElse(ALL_MONTHS);
        } else {
            m = ALL_MONTHS.equals(month) ? ALL_MONTHS : Months.parse(month).map(YearMonth::toString).orElse(month);
        }
        return new Filter(m, !"false".equals(words), Math.max(0, page));
    }

    private TemplateInstance page(Filter f, String flash, String failedId, String failure) {
        TemplateInstance t = queue.data("viewer", Viewer.of(identity, "/app/review-queue")).data("flash", flash)
                .data("filter", f).data("failedId", failedId).data("failure", failure);
        String m = ALL_MONTHS.equals(f.month()) ? null : f.month();
        Loaded items = calls.load(() -> reviewQueue.reviewQueue(m, String.valueOf(f.words()), String.valueOf(f.page()),
                String.valueOf(PAGE_SIZE)));
        Map<String, Object> result = items.map();
        long total = result.get("total") instanceof Number n ? n.longValue() : 0;
        return t.data("error", items.error()).data("items", result.getOrDefault("items", List.of()))
                .data("total", total).data("page", f.page())
                .data("counts", QueueAnswers.counts(calls.load(reviewQueue::months), f.month()))
                .data("hasPrevious", f.page() > 0).data("hasNext", (long) (f.page() + 1) * PAGE_SIZE < total)
                .data("causes", causeChoices.current());
    }
}
