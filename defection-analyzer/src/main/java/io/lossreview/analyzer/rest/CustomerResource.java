package io.lossreview.analyzer.rest;

import io.lossreview.analyzer.defection.CustomerQueries;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.common.problem.Params;
import io.lossreview.contracts.analysis.view.CustomerMatch;
import io.lossreview.contracts.analysis.view.CustomerStory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Customers across all their defections: find them, and read a customer's whole story. */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    static final int MAX_QUERY = 100;
    static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 20;
    /** Customer ids are at most this long (common.schema.json id). */
    static final int MAX_CUSTOMER_ID = 128;

    private final CustomerQueries customers;

    public CustomerResource(CustomerQueries customers) {
        this.customers = customers;
    }

    @GET
    @Operation(summary = "Find customers by customer id (prefix) or account name (substring), best matches first",
            description = "Case-insensitive. Best first: the exact customer id, then id prefixes, then account names "
                    + "starting with q, then names containing it; within each, by name and id.")
    public List<CustomerMatch> search(
            @QueryParam("q") @Parameter(required = true, description = "1 to 100 characters after trimming",
                    example = "northw") String q,
            @QueryParam("limit") @Parameter(description = "at most this many customers, 1 to 50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "20"))
            String limit) {
        if (q == null) {
            throw new InvalidInput("q", "required", "q is required: part of a customer id or account name");
        }
        String query = q.strip();
        int length = query.codePointCount(0, query.length());
        if (length < 1 || length > MAX_QUERY) {
            throw new InvalidInput("q", "length", "q must be 1 to " + MAX_QUERY + " characters after trimming, got " + length);
        }
        Integer max = Params.integer("limit", limit, 1, MAX_LIMIT);
        return customers.search(query, max == null ? DEFAULT_LIMIT : max);
    }

    @GET
    @Path("{customerId}")
    @Operation(summary = "A customer's whole story: every defection, newest first, each with its cause history",
            description = "All episodes and months; each defection as the detail view (stated reasons verbatim, "
                    + "evidence, the full defection with its contact data) with every decision about its cause, "
                    + "oldest first. 404 when no defection of the customer is known.")
    public CustomerStory story(@PathParam("customerId") @Parameter(example = "cus_1") String customerId) {
        if (customerId.length() > MAX_CUSTOMER_ID) {
            throw new InvalidInput("customerId", "max-length", "customerId is at most " + MAX_CUSTOMER_ID + " characters");
        }
        return customers.story(customerId).orElseThrow(() -> new NotFound("defection of customer", customerId));
    }
}
