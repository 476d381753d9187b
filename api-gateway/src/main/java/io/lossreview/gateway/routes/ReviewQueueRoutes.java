package io.lossreview.gateway.routes;

import io.lossreview.common.problem.Params;
import io.lossreview.gateway.audit.AuditLog;
import io.lossreview.gateway.routes.csv.CsvResponses;
import io.lossreview.gateway.routes.csv.CsvRows;
import io.lossreview.gateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The review queue, routed to defection-analyzer: the classifications too unsure to count without a person,
 * counted per month, with the ones that have no words to judge set apart, and the classifier's suggestion
 * accepted for many at once.
 */
@Path("/api/v1/review-queue")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Analysis")
@RolesAllowed({Roles.OPS, Roles.ADMIN})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class ReviewQueueRoutes {

    private static final String ANALYZER = "defection-analyzer";

    private final AnalyzerRoutesClient analyzer;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public ReviewQueueRoutes(@RestClient AnalyzerRoutesClient analyzer, SecurityIdentity identity, AuditLog audit) {
        this.analyzer = analyzer;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvResponses.TEXT_CSV})
    @CsvRows(value = "items", file = "review-queue")
    @Operation(operationId = "listReviewQueue",
            summary = "Low-confidence classifications waiting for a person, largest ARR first",
            description = "Setting a cause by hand takes a defection off the queue. words=false lists only the items "
                    + "with no stated reason to judge, words=true only those with one.")
    @APIResponse(responseCode = "200", ref = "DefectionPage", description = "One page of the queue")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response reviewQueue(
            @Parameter(ref = "MonthQuery") @QueryParam("month") String month,
            @Parameter(description = "Only items with (true) or without (false) a stated reason", example = "false",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("words") String words,
            @Parameter(ref = "Page") @QueryParam("page") String page,
            @Parameter(description = "Defections per page", example = "50", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("size") String size) {
        String m = month == null ? null : Params.month("month", month).toString();
        Boolean w = words == null ? null : Boolean.valueOf(Params.oneOf("words", words, List.of("true", "false")));
        Integer p = Params.integer("page", page, 0, AnalysisRoutes.MAX_PAGE);
        Integer n = Params.integer("size", size, 1, AnalysisRoutes.MAX_PAGE_SIZE);
        return Downstream.call(ANALYZER, () -> analyzer.reviewQueue(m, w, p, n));
    }

    @GET
    @Path("months")
    @Operation(operationId = "countReviewQueueByMonth",
            summary = "How many items wait in each month's queue, and how many of them have no words",
            description = "Newest month first; months with an empty queue are left out.")
    @APIResponse(responseCode = "200", ref = "ReviewQueueMonths", description = "The counts")
    public Response months() {
        return Downstream.call(ANALYZER, analyzer::reviewQueueMonths);
    }

    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptReviewQueueSuggestions",
            summary = "Accept the classifier's suggested cause for several queue items",
            description = "Each still-queued item gets its suggested cause as a person's decision, by the caller; "
                    + "the answer says per id whether it was accepted, decided already or not found. Audited.")
    @APIResponse(responseCode = "200", ref = "AcceptedSuggestions", description = "What happened to each id")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response accept(@RequestBody(ref = "AcceptSuggestions") String body, @Context UriInfo uri) {
        return audit.around(identity, "accept-suggestions", "POST", uri.getPath(), null,
                () -> Downstream.call(ANALYZER, () -> analyzer.acceptSuggestions(body)));
    }
}
