package io.lossreview.gateway.routes;

import io.lossreview.common.security.InternalAuthFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** churn-ingest, raw: bodies and content types go through unchanged (the Stripe signature covers the exact bytes). */
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000)
@RegisterRestClient(configKey = "ingest")
@RegisterProvider(IngestRoutesClient.InternalAuth.class)
@Path("/")
public interface IngestRoutesClient {

    /** Every call carries an internal token for churn-ingest naming the caller (see InternalTokens). */
    class InternalAuth extends InternalAuthFilter {
        public InternalAuth() {
            super("churn-ingest");
        }
    }

    @POST
    @Path("events")
    Response events(@HeaderParam("Content-Type") String contentType, byte[] body);

    @POST
    @Path("webhooks/stripe")
    @Consumes("application/json")
    Response stripe(@HeaderParam("Stripe-Signature") String signature, byte[] body);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("rejected")
    Response rejected(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                      @QueryParam("includeReplayed") Boolean includeReplayed);

    @POST
    @Path("rejected/{id}/replay")
    Response replay(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType, byte[] body);

    @PUT
    @Path("fx-rates")
    @Consumes("text/csv")
    Response fxRates(byte[] csv);

    @PUT
    @Path("subscriptions/opening-balance")
    Response openingBalance(@QueryParam("asOf") String asOf, @HeaderParam("Content-Type") String contentType, byte[] body);
}
