package io.lossreview.gateway.audit;

import io.lossreview.common.problem.Params;
import io.lossreview.gateway.routes.AnalysisRoutes;
import io.lossreview.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, for admins. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Audit", description = "The gateway's own record of writes and of reads of contact data")
public class AuditResource {

    private static final int DEFAULT_SIZE = 100;

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listAuditEntries",
            summary = "Who wrote what and who read contact data, newest first",
            description = "Admins only. Attempts are recorded too, with the status the caller got.")
    @APIResponse(responseCode = "200", ref = "AuditEntries", description = "One page of the audit log")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public List<Map<String, Object>> list(
            @Parameter(description = "Only this caller's entries (the token's upn)", example = "ops.dev")
            @QueryParam("principal") String principal,
            @Parameter(ref = "Page") @QueryParam("page") String page,
            @Parameter(description = "Entries per page", example = "100", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "100"))
            @QueryParam("size") String size) {
        Integer p = Params.integer("page", page, 0, AnalysisRoutes.MAX_PAGE);
        Integer n = Params.integer("size", size, 1, AnalysisRoutes.MAX_PAGE_SIZE);
        return audit.page(principal == null || principal.isBlank() ? null : principal, p == null ? 0 : p,
                n == null ? DEFAULT_SIZE : n);
    }
}
