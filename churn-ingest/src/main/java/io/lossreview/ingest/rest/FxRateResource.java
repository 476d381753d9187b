package io.lossreview.ingest.rest;

import io.lossreview.ingest.defection.FxRateService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Dated FX rates (CSV date,currency,rate: reporting-currency units per unit of the currency). */
@Path("/fx-rates")
public class FxRateResource {

    private final FxRateService service;

    public FxRateResource(FxRateService service) {
        this.service = service;
    }

    @PUT
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load or correct FX rates; defections waiting for a rate are valued at once")
    public FxRateService.LoadResult load(String csv) {
        return service.load(csv);
    }
}
