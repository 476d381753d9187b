package io.lossreview.analyzer.rest;

import io.lossreview.analyzer.change.ClassifierService;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.identity.Caller;
import io.lossreview.contracts.analysis.view.ClassifierStatus;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The classifier's learned text model: which one classifies, how each scored, and an admin's choice of one. */
@Path("/classifier")
@Produces(MediaType.APPLICATION_JSON)
public class ClassifierResource {

    /**
     * Either a model to activate and hold ({@code modelId}), or {@code automatic: true}: the newest model becomes
     * active, and later ones by themselves again.
     */
    public record ActiveModelRequest(@Positive Long modelId, Boolean automatic, @Size(max = 2000) String note) {
    }

    private final ClassifierService classifier;
    /** Who calls: the verified token's subject (request scoped behind its proxy). */
    private final SecurityIdentity identity;

    public ClassifierResource(ClassifierService classifier, SecurityIdentity identity) {
        this.classifier = classifier;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The active text model, its held-out scores and the earlier models, newest first")
    public ClassifierStatus status() {
        return classifier.status();
    }

    @PUT
    @Path("/active")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Activate and hold a model (roll back or forward), or go back to automatic activation")
    public ClassifierStatus activate(@Valid @NotNull ActiveModelRequest request) {
        boolean automatic = Boolean.TRUE.equals(request.automatic());
        if ((request.modelId() == null) == !automatic) {
            throw new InvalidInput("/modelId", "model-or-automatic",
                    "give either modelId (the model to activate and hold) or automatic: true, not both nor neither");
        }
        return automatic ? classifier.automatic(Caller.of(identity), request.note())
                : classifier.hold(request.modelId(), Caller.of(identity), request.note());
    }
}
