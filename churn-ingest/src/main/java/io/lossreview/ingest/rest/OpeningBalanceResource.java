package io.lossreview.ingest.rest;

import io.lossreview.common.problem.Params;
import io.lossreview.ingest.balance.OpeningBalanceService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The subscriptions active on a day, from the billing system's export, so the customer base is known
 * from that day on without years of events: CSV with a header (customerId,subscriptionId,mrr,currency,
 * and optionally seats,plan,segment,region) or NDJSON with the same fields.
 */
@Path("/subscriptions/opening-balance")
@Produces(MediaType.APPLICATION_JSON)
public class OpeningBalanceResource {

    static final String NDJSON = "application/x-ndjson";

    private final OpeningBalanceService service;

    public OpeningBalanceResource(OpeningBalanceService service) {
        this.service = service;
    }

    @PUT
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Load the subscriptions active on asOf (yyyy-MM-dd) from a CSV export; the same subscription and day again replaces it")
    public OpeningBalanceService.Loaded csv(@QueryParam("asOf") String asOf, String body) {
        return service.loadCsv(Params.date("asOf", asOf), body);
    }

    @PUT
    @Consumes(NDJSON)
    @Operation(summary = "Load the subscriptions active on asOf (yyyy-MM-dd) from NDJSON, one subscription per line")
    public OpeningBalanceService.Loaded ndjson(@QueryParam("asOf") String asOf, String body) {
        return service.loadNdjson(Params.date("asOf", asOf), body);
    }
}
