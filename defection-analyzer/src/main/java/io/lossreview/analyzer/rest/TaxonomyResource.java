package io.lossreview.analyzer.rest;

import io.lossreview.analyzer.taxonomy.Cause;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import io.lossreview.analyzer.change.TaxonomyService;
import io.lossreview.analyzer.taxonomy.TaxonomyVersion;
import io.lossreview.common.identity.Caller;
import io.lossreview.common.problem.Params;
import io.lossreview.common.time.BusinessCalendar;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The reason taxonomy: read it, change it (a new version), and explicitly backfill past months. */
@Path("/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
public class TaxonomyResource {

    /** A new taxonomy version; effectiveFrom (first day of a month) defaults to this month. */
    public record TaxonomyRequest(LocalDate effectiveFrom, @NotEmpty @Size(max = 100) List<Cause> causes,
                                  @Size(max = 2000) String note) {
    }

    /** The stored version, and months that keep an older version until backfilled. */
    public record TaxonomySaved(Taxonomy taxonomy, Map<YearMonth, Integer> monthsOnOlderVersions, String hint) {
    }

    /** Re-classify [from, to] (yyyy-MM) under a version. */
    public record BackfillRequest(@NotNull @Positive Integer version, @NotNull String from, @NotNull String to) {
    }

    private final TaxonomyService taxonomies;
    /** Who calls: the verified token's subject (request scoped behind its proxy). */
    private final SecurityIdentity identity;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public TaxonomyResource(TaxonomyService taxonomies, BusinessCalendar calendar, Clock clock, SecurityIdentity identity) {
        this.identity = identity;
        this.taxonomies = taxonomies;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The newest taxonomy version")
    public TaxonomyVersion current() {
        return taxonomies.current();
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every taxonomy version, oldest first, with who made it and why")
    public List<TaxonomyVersion> versions() {
        return taxonomies.versions();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a new version; months already reported keep their version until a backfill")
    public TaxonomySaved replace(@Valid @NotNull TaxonomyRequest request) {
        LocalDate effective = request.effectiveFrom() != null ? request.effectiveFrom()
                : calendar.month(clock.instant()).atDay(1);
        var saved = taxonomies.replace(new Taxonomy(0, effective, request.causes()), Caller.of(identity), request.note());
        String hint = saved.monthsOnOlderVersions().isEmpty() ? null
                : "These months keep their version; POST /taxonomy/backfills re-classifies them under version "
                + saved.taxonomy().version();
        return new TaxonomySaved(saved.taxonomy(), saved.monthsOnOlderVersions(), hint);
    }

    @POST
    @Path("/backfills")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-classify past months under a version (recorded; people's causes are kept)")
    public TaxonomyService.Backfill backfill(@Valid @NotNull BackfillRequest request) {
        return taxonomies.backfill(Params.month("from", request.from()), Params.month("to", request.to()),
                request.version(), Caller.of(identity));
    }
}
