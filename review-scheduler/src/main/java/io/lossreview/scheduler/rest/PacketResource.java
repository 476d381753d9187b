package io.lossreview.scheduler.rest;

import io.lossreview.common.error.NotFound;
import io.lossreview.common.problem.Params;
import io.lossreview.scheduler.packet.PacketService;
import io.lossreview.scheduler.packet.PacketRepository;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.render.PacketRenderer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Monthly packets: build one on demand, read any revision as JSON, HTML or PDF. */
@Path("/packets")
public class PacketResource {

    /**
     * One revision in the list of a month's revisions. staleSince/staleReason: set while the month's
     * figures differ from the revision's (it was built before a late event, win-back or re-cause).
     */
    public record RevisionView(int revision, Instant builtAt, List<String> changes, Instant staleSince,
                               String staleReason) {
    }

    private final PacketService packets;
    private final PacketRepository store;
    private final PacketRenderer renderer;

    public PacketResource(PacketService packets, PacketRepository store, PacketRenderer renderer) {
        this.packets = packets;
        this.store = store;
        this.renderer = renderer;
    }

    @POST
    @Path("/{month}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Build the month's packet: a new revision only if the data changed (201), else the latest (200)")
    public Response build(@PathParam("month") String month) {
        YearMonth m = Params.month("month", month);
        PacketService.Built built = packets.build(m, PacketService.Mode.ON_DEMAND);
        return Response.status(built.created() ? 201 : 200).entity(renderer.withNarrative(built.stored().packet())).build();
    }

    @GET
    @Path("/{month}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest revision, or ?revision=N; narrative: the sentences opening its page 1")
    public Packet get(@PathParam("month") String month, @QueryParam("revision") Integer revision) {
        // Revisions built before the sentences were stored get them written exactly as their page 1 shows them.
        return renderer.withNarrative(find(month, revision));
    }

    @GET
    @Path("/{month}/revisions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The month's revisions, oldest first, each with what changed and whether it is stale")
    public List<RevisionView> revisions(@PathParam("month") String month) {
        return store.revisions(Params.month("month", month)).stream()
                .map(s -> new RevisionView(s.packet().revision(), s.packet().builtAt(), s.packet().changes(),
                        s.staleSince(), s.staleReason())).toList();
    }

    @GET
    @Path("/{month}/html")
    @Produces(MediaType.TEXT_HTML)
    public String html(@PathParam("month") String month, @QueryParam("revision") Integer revision) {
        return renderer.html(find(month, revision));
    }

    @GET
    @Path("/{month}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The packet as print-ready PDF; paper=a4 (default) or letter")
    public Response pdf(@PathParam("month") String month, @QueryParam("revision") Integer revision,
                        @QueryParam("paper") String paper) {
        PacketRenderer.PaperSize size = PacketRenderer.PaperSize.valueOf(
                Params.oneOf("paper", paper == null ? "a4" : paper, List.of("a4", "letter")).toUpperCase());
        Packet p = find(month, revision);
        return Response.ok(renderer.pdf(p, size)).header("Content-Disposition",
                "inline; filename=\"loss-review-" + p.month() + "-r" + p.revision() + ".pdf\"").build();
    }

    private Packet find(String month, Integer revision) {
        YearMonth m = Params.month("month", month);
        var found = revision == null ? store.latest(m) : store.revision(m, revision);
        return found.orElseThrow(() -> new NotFound("packet", m + (revision == null ? "" : " revision " + revision)))
                .packet();
    }
}
