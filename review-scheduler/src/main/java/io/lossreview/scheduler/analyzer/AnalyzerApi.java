package io.lossreview.scheduler.analyzer;

import io.lossreview.contracts.analysis.view.PacketInputs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** defection-analyzer's REST API, as far as the packet needs it (base URL: quarkus.rest-client.analyzer.url). */
@RegisterRestClient(configKey = "analyzer")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface AnalyzerApi {

    /** Everything the packet needs, from one consistent snapshot of the analyzer's data. */
    @GET
    @Path("months/{month}/packet-inputs")
    PacketInputs packetInputs(@PathParam("month") String month, @QueryParam("trendFrom") String trendFrom);
}
