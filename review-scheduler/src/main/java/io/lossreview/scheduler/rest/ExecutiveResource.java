package io.lossreview.scheduler.rest;

import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.scheduler.executive.Executive;
import io.lossreview.scheduler.executive.ExecutiveRepository;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The executive roster: who takes calls, how many a month, and which segments and regions they know. */
@Path("/executives")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutiveResource {

    /** An executive as sent by admins; capacity defaults to 3 calls a month. */
    public record ExecutiveRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 200) String email,
                                   @Min(0) @Max(50) Integer capacity, Set<@Size(max = 40) String> segments,
                                   Set<@Size(max = 80) String> regions, Boolean active) {
    }

    private final ExecutiveRepository executives;

    public ExecutiveResource(ExecutiveRepository executives) {
        this.executives = executives;
    }

    @GET
    @Operation(summary = "The roster, by id")
    public List<Executive> list() {
        return executives.all();
    }

    @GET
    @Path("/{id}")
    public Executive get(@PathParam("id") String id) {
        return executives.find(id).orElseThrow(() -> new NotFound("executive", id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create or update an executive (id: lower-case letters, digits, dots and dashes)")
    public Executive put(@PathParam("id") @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,62}") String id,
                         @Valid @NotNull ExecutiveRequest r) {
        executives.byEmail(r.email()).filter(e -> !e.id().equals(id)).ifPresent(e -> {
            throw new InvalidInput("/email", "unique", "e-mail " + r.email() + " already belongs to executive " + e.id());
        });
        Executive e = new Executive(id, r.name().strip(), r.email().strip(), r.capacity() == null ? 3 : r.capacity(),
                r.segments() == null ? Set.of() : r.segments(), r.regions() == null ? Set.of() : r.regions(),
                r.active() == null || r.active());
        executives.save(e);
        return e;
    }
}
