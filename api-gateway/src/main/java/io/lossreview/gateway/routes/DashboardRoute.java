package io.lossreview.gateway.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.common.problem.Params;
import io.lossreview.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One call for the month's dashboard: summary, ranked causes and call progress ({@link MonthDashboards}). */
@Path("/api/v1")
@SecurityRequirement(name = "bearer")
@Tag(name = "Dashboard", description = "The month at a glance, in one call")
public class DashboardRoute {

    private final MonthDashboards dashboards;

    public DashboardRoute(MonthDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GET
    @Path("months/{month}/dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getMonthDashboard",
            summary = "Summary, causes ranked by ARR and executive call progress of a month in one response",
            description = "Fetched from defection-analyzer and review-scheduler in parallel and kept for a second; while"
                    + " one request fetches it again, others may be shown the previous one, at most a few seconds old"
                    + " (a change made through this API shows at once); 503 if either is down.")
    @APIResponse(responseCode = "200", ref = "Dashboard", description = "The month's dashboard")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ObjectNode dashboard(
            @Parameter(ref = "MonthPath") @PathParam("month") String month) {
        return dashboards.of(Params.month("month", month).toString());
    }
}
