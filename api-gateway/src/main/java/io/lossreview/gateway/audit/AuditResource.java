package io.lossreview.gateway.audit;

import io.lossreview.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The audit log, for admins. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who wrote what and who read contact data, newest first")
    public List<Map<String, Object>> list(@QueryParam("principal") String principal,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                          @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return audit.page(principal == null || principal.isBlank() ? null : principal, page, size);
    }
}
