package io.lossreview.analyzer.rest;

import io.lossreview.common.error.NotFound;
import io.lossreview.analyzer.change.CauseDecisions;
import io.lossreview.contracts.analysis.view.CauseSource;
import io.lossreview.analyzer.defection.DefectionQueries;
import io.lossreview.analyzer.defection.DefectionViews;
import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.contracts.analysis.view.Page;
import io.lossreview.common.identity.Caller;
import io.lossreview.common.problem.Params;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Defections with their causes; the review queue; people's cause decisions. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DefectionResource {

    /** A person's cause for a defection. */
    public record CauseRequest(@NotBlank @Size(max = 40) String cause, @Size(max = 2000) String note) {
    }

    private final DefectionQueries queries;
    private final CauseDecisions decisions;
    /** Who calls: the verified token's subject (request scoped behind its proxy). */
    private final SecurityIdentity identity;

    public DefectionResource(DefectionQueries queries, CauseDecisions decisions, SecurityIdentity identity) {
        this.identity = identity;
        this.queries = queries;
        this.decisions = decisions;
    }

    @GET
    @Path("defections")
    @Operation(summary = "Defections with their verbatim stated reasons, largest ARR first")
    public Page<DefectionView> list(@QueryParam("month") String month, @QueryParam("cause") String cause,
                                    @QueryParam("segment") String segment,
                                    @QueryParam("valuePending") Boolean valuePending,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(new DefectionQueries.Filter(month == null ? null : Params.month("month", month),
                upper(cause), upper(segment), valuePending, null), page, size);
    }

    @GET
    @Path("defections/{id}")
    @Operation(summary = "One defection with its evidence and the full defection record")
    public DefectionView get(@PathParam("id") String id) {
        return queries.find(Params.uuid("id", id)).orElseThrow(() -> new NotFound("defection", id));
    }

    @PUT
    @Path("defections/{id}/cause")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the cause by hand: it always wins over the classifier and teaches it the phrasing")
    public DefectionView setCause(@PathParam("id") String id, @Valid @NotNull CauseRequest request) {
        var decided = decisions.decide(Params.uuid("id", id), request.cause().strip(), CauseSource.MANUAL,
                Caller.of(identity), request.note());
        return DefectionViews.of(decided, false);
    }

    @GET
    @Path("review-queue")
    @Operation(summary = "Low-confidence classifications waiting for a person, largest ARR first")
    public Page<DefectionView> reviewQueue(@QueryParam("month") String month,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.reviewQueue(month == null ? null : Params.month("month", month), page, size);
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
