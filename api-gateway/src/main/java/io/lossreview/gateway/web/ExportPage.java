package io.lossreview.gateway.web;

import io.lossreview.gateway.routes.AnalysisRoutes;
import io.lossreview.gateway.routes.ReviewQueueRoutes;
import io.lossreview.gateway.routes.ReviewRoutes;
import io.lossreview.gateway.routes.csv.CsvResponses;
import io.lossreview.gateway.routes.csv.CsvRows;
import io.lossreview.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The web app's CSV downloads. A browser session cannot call /api/v1 (that takes a bearer token), so each
 * download runs the API's own list route for this user (roles, audit) and turns its answer into the same CSV the
 * API gives with {@code Accept: text/csv}: the rows and file name come from that route's {@link CsvRows}.
 */
@Path("/app/export")
@Produces(CsvResponses.TEXT_CSV)
public class ExportPage {

    private final AnalysisRoutes analysis;
    private final ReviewQueueRoutes reviewQueue;
    private final ReviewRoutes review;

    public ExportPage(AnalysisRoutes analysis, ReviewQueueRoutes reviewQueue, ReviewRoutes review) {
        this.analysis = analysis;
        this.reviewQueue = reviewQueue;
        this.review = review;
    }

    @GET
    @Path("causes.csv")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response causes(@QueryParam("month") String month) {
        return csv(AnalysisRoutes.class, "causes", month, () -> analysis.causes(month, null));
    }

    @GET
    @Path("losses.csv")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response losses(@QueryParam("month") String month) {
        return csv(AnalysisRoutes.class, "defections", month,
                () -> analysis.defections(month, null, null, null, String.valueOf(AnalysisRoutes.MAX_PAGE_SIZE)));
    }

    @GET
    @Path("review-queue.csv")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response reviewQueue(@QueryParam("month") String month, @QueryParam("words") String words) {
        return csv(ReviewQueueRoutes.class, "reviewQueue", month,
                () -> reviewQueue.reviewQueue(month, words, null, String.valueOf(AnalysisRoutes.MAX_PAGE_SIZE)));
    }

    @GET
    @Path("calls.csv")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response calls(@QueryParam("month") String month, @Context UriInfo uri) {
        return csv(ReviewRoutes.class, "assignments", month, () -> review.assignments(month, null, null, uri));
    }

    @GET
    @Path("actions.csv")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response actions() {
        return csv(ReviewRoutes.class, "actions", null, () -> review.actions(null));
    }

    /** The route's answer as its CSV download; a refusal (a bad month, a service down) is passed on as it is. */
    private static Response csv(Class<?> routes, String method, String month, Supplier<Response> route) {
        CsvRows rows = Arrays.stream(routes.getMethods()).filter(m -> m.getName().equals(method))
                .map(m -> m.getAnnotation(CsvRows.class)).findFirst()
                .orElseThrow(() -> new IllegalStateException(routes.getSimpleName() + "." + method + " has no @CsvRows"));
        return CsvResponses.download(route.get(), rows, month);
    }
}
