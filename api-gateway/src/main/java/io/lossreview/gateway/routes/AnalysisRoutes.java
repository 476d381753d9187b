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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
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
 * The analysis part of /api/v1, routed to defection-analyzer. Parameters are checked here first,
 * so nonsense never leaves the gateway; the caller's name goes along with every change.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Analysis", description = "Losses, causes, trends and defections from defection-analyzer")
// Every route: token, role, rate limit and the analyzer's outages; each method adds its own answers.
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class AnalysisRoutes {

    private static final String ANALYZER = "defection-analyzer";
    /** Page-size cap of every list the gateway serves; pages beyond 100,000 are nonsense. */
    public static final int MAX_PAGE_SIZE = 200;
    public static final int MAX_PAGE = 100_000;
    private static final java.util.List<String> SEGMENTS = java.util.List.of("smb", "mid_market", "enterprise", "unknown");

    private final AnalyzerRoutesClient analyzer;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public AnalysisRoutes(@RestClient AnalyzerRoutesClient analyzer, SecurityIdentity identity, AuditLog audit) {
        this.analyzer = analyzer;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @Path("months/{month}/summary")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getMonthSummary",
            summary = "A month's losses: customers, seats, MRR/ARR/lifetime value, changes, emerging causes",
            description = "Compared with the prior month and the trailing 3 months; a cause is emerging when it is "
                    + "significantly above its 6-month baseline. A month without losses answers zeros.")
    @APIResponse(responseCode = "200", ref = "MonthSummary", description = "The month's summary")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response summary(
            @Parameter(ref = "MonthPath") @PathParam("month") String month) {
        String m = Params.month("month", month).toString();
        return Downstream.call(ANALYZER, () -> analyzer.summary(m));
    }

    @GET
    @Path("months/{month}/base")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getMonthBase",
            summary = "Out of how many: a month's customer base, its movements and its churn rates",
            description = "Customers at the start, new, reactivated, lost (and lost of those at the start, split voluntary/"
                    + "involuntary), at the end; MRR at the start, new, expansion, contraction, churned, reactivation, at the "
                    + "end; the customers at the start per segment, region and plan. Rates are fractions: customer churn = "
                    + "lost customers who were active at the start / customers at the start; gross MRR churn = (churned + "
                    + "contraction) / MRR at the start; net MRR churn = (churned + contraction - expansion - reactivation) / MRR "
                    + "at the start. No rate is given for a month without an opening balance on or before its first day. "
                    + "404 until churn-ingest has measured the month.")
    @APIResponse(responseCode = "200", ref = "MonthBase", description = "The month's base and rates")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response base(@Parameter(ref = "MonthPath") @PathParam("month") String month) {
        String m = Params.month("month", month).toString();
        return Downstream.call(ANALYZER, () -> analyzer.base(m));
    }

    @GET
    @Path("months/{month}/causes")
    @Produces({MediaType.APPLICATION_JSON, CsvResponses.TEXT_CSV})
    @CsvRows(value = "causes", file = "causes")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "rankMonthCauses",
            summary = "A month's loss causes, ranked",
            description = "Each cause with its share, cumulative share, changes and last 12 months.")
    @APIResponse(responseCode = "200", ref = "CauseRanking", description = "The causes, highest first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response causes(
            @Parameter(ref = "MonthPath") @PathParam("month") String month,
            @Parameter(description = "arr: ARR lost; customers: customers lost; composite: mean of both shares",
                    example = "arr", schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"arr", "customers", "composite"}, defaultValue = "arr"))
            @QueryParam("rankBy") String rankBy) {
        String m = Params.month("month", month).toString();
        String by = rankBy == null ? null : Params.oneOf("rankBy", rankBy, java.util.List.of("arr", "customers", "composite"));
        return Downstream.call(ANALYZER, () -> analyzer.causes(m, by));
    }

    @GET
    @Path("months/{month}/breakdown")
    @Produces({MediaType.APPLICATION_JSON, CsvResponses.TEXT_CSV})
    @CsvRows(value = "buckets", file = "breakdown")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getMonthBreakdown",
            summary = "A month's losses by segment, region, plan, tenure band or voluntary/involuntary",
            description = "Each bucket with its share of value and volume and its causes.")
    @APIResponse(responseCode = "200", ref = "Breakdown", description = "The buckets, largest ARR first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response breakdown(
            @Parameter(ref = "MonthPath") @PathParam("month") String month,
            @Parameter(description = "The dimension", example = "segment", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"segment", "region", "plan", "tenure", "voluntary"}, defaultValue = "segment"))
            @QueryParam("by") String by) {
        String m = Params.month("month", month).toString();
        String dimension = by == null ? null
                : Params.oneOf("by", by, java.util.List.of("segment", "region", "plan", "tenure", "voluntary"));
        return Downstream.call(ANALYZER, () -> analyzer.breakdown(m, dimension));
    }

    @GET
    @Path("trends")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getCauseTrends",
            summary = "Monthly losses per cause",
            description = "Defaults to the 12 months up to the latest month with losses; from must not be after to.")
    @APIResponse(responseCode = "200", ref = "Trend", description = "One series per cause")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response trends(
            @Parameter(description = "First month, yyyy-MM", example = "2025-07",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$"))
            @QueryParam("from") String from,
            @Parameter(description = "Last month, yyyy-MM", example = "2025-12",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$"))
            @QueryParam("to") String to,
            @Parameter(description = "Only this cause code", example = "PRICE") @QueryParam("cause") String cause) {
        String f = from == null ? null : Params.month("from", from).toString();
        String t = to == null ? null : Params.month("to", to).toString();
        String c = cause == null || cause.isBlank() ? null : Params.code("cause", cause);
        return Downstream.call(ANALYZER, () -> analyzer.trends(f, t, c));
    }

    @GET
    @Path("defections")
    @Produces({MediaType.APPLICATION_JSON, CsvResponses.TEXT_CSV})
    @CsvRows(value = "items", file = "losses")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(operationId = "listDefections",
            summary = "Defections with their stated reasons and causes, largest ARR first",
            description = "Ops and admins. Filters combine; without a month every month is listed.")
    @APIResponse(responseCode = "200", ref = "DefectionPage", description = "One page of defections")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response defections(
            @Parameter(ref = "MonthQuery") @QueryParam("month") String month,
            @Parameter(description = "Only this cause code", example = "PRICE") @QueryParam("cause") String cause,
            @Parameter(description = "Only this segment", example = "enterprise",
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"smb", "mid_market", "enterprise", "unknown"}))
            @QueryParam("segment") String segment,
            @Parameter(ref = "Page") @QueryParam("page") String page,
            @Parameter(description = "Defections per page", example = "50", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("size") String size) {
        String m = month == null ? null : Params.month("month", month).toString();
        String s = segment == null ? null : Params.oneOf("segment", segment, SEGMENTS).toUpperCase(java.util.Locale.ROOT);
        String c = cause == null ? null : Params.code("cause", cause);
        Integer p = Params.integer("page", page, 0, MAX_PAGE);
        Integer n = Params.integer("size", size, 1, MAX_PAGE_SIZE);
        return Downstream.call(ANALYZER, () -> analyzer.defections(m, c, s, p, n));
    }

    @GET
    @Path("defections/{id}")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(operationId = "getDefection",
            summary = "One defection, contact data included (ops and admin only; every read is audited)",
            description = "With the classifier's evidence and the full record as churn-ingest recorded it.")
    @APIResponse(responseCode = "200", ref = "Defection", description = "The defection")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response defection(
            @Parameter(ref = "Id") @PathParam("id") String id, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audit.around(identity, "read-contact-data", "GET", uri.getPath(), uuid,
                () -> Downstream.call(ANALYZER, () -> analyzer.defection(uuid)));
    }

    @PUT
    @Path("defections/{id}/cause")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(operationId = "setDefectionCause",
            summary = "Set a defection's cause by hand",
            description = "A person's cause always wins over the classifier and teaches it the phrasing. Audited.")
    @APIResponse(responseCode = "200", ref = "Defection", description = "The defection with its new cause")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response setCause(
            @Parameter(ref = "Id") @PathParam("id") String id,
            @RequestBody(ref = "CauseChange") String body, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audit.around(identity, "set-cause", "PUT", uri.getPath(), uuid,
                () -> Downstream.call(ANALYZER, () -> analyzer.setCause(uuid, body)));
    }

    @GET
    @Path("taxonomy")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getTaxonomy",
            summary = "The newest taxonomy of loss causes",
            description = "Codes, labels and the phrases, keywords and reason codes the classifier matches.")
    @APIResponse(responseCode = "200", ref = "Taxonomy", description = "The newest version")
    public Response taxonomy() {
        return Downstream.call(ANALYZER, analyzer::taxonomy);
    }

}
