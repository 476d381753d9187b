package io.lossreview.scheduler.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.common.security.InternalAuthFilter;
import io.lossreview.contracts.analysis.view.PacketInputs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** defection-analyzer's REST API, as far as the packet and the action items need it (base URL: quarkus.rest-client.analyzer.url). */
@RegisterRestClient(configKey = "analyzer")
@RegisterProvider(AnalyzerApi.InternalAuth.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface AnalyzerApi {

    /** Every call carries an internal token for the analyzer naming review-scheduler itself. */
    class InternalAuth extends InternalAuthFilter {
        public InternalAuth() {
            super("defection-analyzer");
        }
    }

    /** Everything the packet needs, from one consistent snapshot of the analyzer's data. */
    @GET
    @Path("months/{month}/packet-inputs")
    PacketInputs packetInputs(@PathParam("month") String month, @QueryParam("trendFrom") String trendFrom);

    /** Every taxonomy version, oldest first (only the causes' codes are read here). */
    @GET
    @Path("taxonomy/versions")
    JsonNode taxonomyVersions();
}
