package io.lossreview.gateway.routes;

import io.lossreview.gateway.audit.AuditLog;
import io.lossreview.gateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The classifier's learned text model, routed to defection-analyzer: which model classifies new defections, how each
 * model scored on the held-out rows, and an admin's choice of an earlier (or later) one.
 */
@Path("/api/v1/classifier")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Analysis")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class ClassifierRoutes {

    private static final String ANALYZER = "defection-analyzer";

    private final AnalyzerRoutesClient analyzer;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public ClassifierRoutes(@RestClient AnalyzerRoutesClient analyzer, SecurityIdentity identity, AuditLog audit) {
        this.analyzer = analyzer;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(operationId = "getClassifier",
            summary = "The active text model, how it scored on the held-out rows, and the earlier models",
            description = "Models are trained after new labels (people's causes); each is listed with what it learned "
                    + "from and its accuracy, macro-F1 and review-queue share per held-out language, newest first.")
    @APIResponse(responseCode = "200", ref = "ClassifierStatus", description = "The models")
    public Response status() {
        return Downstream.call(ANALYZER, analyzer::classifier);
    }

    @PUT
    @Path("active")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "activateClassifierModel",
            summary = "Roll back (or forward) to a model and hold it, or return to automatic activation",
            description = "Admins only, audited. {modelId} makes that model classify new defections and holds it: "
                    + "models trained later wait. {automatic: true} makes the newest model active and lets later ones "
                    + "become active by themselves. Defections already classified keep their causes; a taxonomy "
                    + "backfill re-classifies past months with the active model.")
    @APIResponse(responseCode = "200", ref = "ClassifierStatus", description = "The models after the change")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response activate(@RequestBody(ref = "ActiveModel") String body, @Context UriInfo uri) {
        return audit.around(identity, "activate-classifier-model", "PUT", uri.getPath(), null,
                () -> Downstream.call(ANALYZER, () -> analyzer.activateModel(body)));
    }
}
