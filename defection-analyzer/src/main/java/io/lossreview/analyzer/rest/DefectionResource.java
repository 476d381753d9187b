package io.lossreview.analyzer.rest;

import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.analyzer.change.CauseDecisions;
import io.lossreview.analyzer.change.ReviewQueueService;
import io.lossreview.contracts.InputGuard;
import io.lossreview.contracts.analysis.view.ReviewQueueAcceptance;
import io.lossreview.contracts.analysis.view.ReviewQueueMonth;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Defections with their causes; the review queue and its triage; people's cause decisions. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DefectionResource {

    /** A person's cause for a defection. */
    public record CauseRequest(@NotBlank @Size(max = 40) String cause, @Size(max = 2000) String note) {
    }

    /** Queued defections whose suggested cause the caller accepts: 1 to 200 defection ids (UUIDs). */
    public record AcceptRequest(List<String> ids) {
    }

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final DefectionQueries queries;
    private final CauseDecisions decisions;
    private final ReviewQueueService reviewQueue;
    /** Who calls: the verified token's subject (request scoped behind its proxy). */
    private final SecurityIdentity identity;

    public DefectionResource(DefectionQueries queries, CauseDecisions decisions, ReviewQueueService reviewQueue,
                             SecurityIdentity identity) {
        this.identity = identity;
        this.queries = queries;
        this.decisions = decisions;
        this.reviewQueue = reviewQueue;
    }

    @GET
    @Path("defections")
    @Operation(summary = "Defections with their verbatim stated reasons, largest ARR first")
    public Page<DefectionView> list(@QueryParam("month") String month, @QueryParam("cause") String cause,
                                    @QueryParam("segment") String segment,
                                    @QueryParam("valuePending") Boolean valuePending,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(DefectionQueries.Filter.of(month == null ? null : Params.month("month", month),
                upper(cause), upper(segment), valuePending), page, size);
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
        var decided = decisions.decide(Params.uuid("id", id), request.cause().strip(),
                CauseDecisions.PersonDecision.manual(Caller.of(identity), request.note()));
        return DefectionViews.of(decided, false);
    }

    @GET
    @Path("review-queue")
    @Operation(summary = "Low-confidence classifications waiting for a person, largest ARR first")
    public Page<DefectionView> reviewQueue(@QueryParam("month") String month,
                                           @QueryParam("words") @Parameter(description = "true: only those with "
                                                   + "stated-reason text (a billing comment or a CRM stated reason); "
                                                   + "false: only those without (nothing to judge); absent: all",
                                                   schema = @Schema(type = SchemaType.BOOLEAN)) String words,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Boolean hasWords = words == null ? null : Boolean.valueOf(Params.oneOf("words", words, List.of("true", "false")));
        return queries.reviewQueue(month == null ? null : Params.month("month", month), hasWords, page, size);
    }

    @GET
    @Path("review-queue/months")
    @Operation(summary = "Each month with defections in the review queue, newest first: how many, and how many "
            + "without stated-reason text")
    public List<ReviewQueueMonth> reviewQueueMonths() {
        return queries.reviewQueueMonths();
    }

    @POST
    @Path("review-queue/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept the suggested causes of queued defections as the caller's decisions",
            description = "Body {\"ids\": [\"<defection id>\", ...]}, 1 to 200 UUIDs (a repeated id counts once). "
                    + "Each defection still in the review queue gets its suggested (the classifier's) cause as a MANUAL "
                    + "decision by the caller, exactly as PUT /defections/{id}/cause would set it: month figures, the "
                    + "loss.analysis announcement and the cause history follow. One transaction per id: the answer "
                    + "says per id ACCEPTED, ALREADY_DECIDED (not in the queue any more; left as it is) or NOT_FOUND.")
    public ReviewQueueAcceptance accept(AcceptRequest request) {
        return reviewQueue.acceptSuggestions(ids(request), Caller.of(identity));
    }

    /** 1 to MAX_IDS ids, each a UUID as 8-4-4-4-12 hex digits (UUID.fromString alone would take "1-1-1-1-1"). */
    private static List<UUID> ids(AcceptRequest request) {
        List<String> ids = request == null ? null : request.ids();
        if (ids == null || ids.isEmpty() || ids.size() > ReviewQueueAcceptance.MAX_IDS) {
            throw new InvalidInput("/ids", "size", "ids must list 1 to " + ReviewQueueAcceptance.MAX_IDS
                    + " defection ids, got " + (ids == null ? "none" : ids.size()));
        }
        List<InvalidInput.Violation> bad = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !UUID_TEXT.matcher(id).matches()) {
                bad.add(new InvalidInput.Violation("/ids/" + i, "uuid", "ids[" + i + "] must be a defection id (a UUID), got "
                        + (id == null ? "null" : "'" + InputGuard.safe(id, 60) + "'")));
            }
        }
        InvalidInput.throwIfAny(bad, 10);
        return ids.stream().map(UUID::fromString).toList();
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
