package io.lossreview.gateway.routes;

import io.lossreview.common.security.InternalAuthFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** defection-analyzer, raw: answers (problems included) are passed on to the caller as they are. */
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000)
@RegisterRestClient(configKey = "analyzer")
@RegisterProvider(AnalyzerRoutesClient.InternalAuth.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface AnalyzerRoutesClient {

    /** Every call carries an internal token for defection-analyzer naming the caller (see InternalTokens). */
    class InternalAuth extends InternalAuthFilter {
        public InternalAuth() {
            super("defection-analyzer");
        }
    }

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("months/{month}/summary")
    Response summary(@PathParam("month") String month);

    @GET
    @Path("months/{month}/base")
    Response base(@PathParam("month") String month);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("months/{month}/causes")
    Response causes(@PathParam("month") String month, @QueryParam("rankBy") String rankBy);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("months/{month}/breakdown")
    Response breakdown(@PathParam("month") String month, @QueryParam("by") String by);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("trends")
    Response trends(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cause") String cause);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("defections")
    Response defections(@QueryParam("month") String month, @QueryParam("cause") String cause,
                        @QueryParam("segment") String segment, @QueryParam("page") Integer page,
                        @QueryParam("size") Integer size);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("defections/{id}")
    Response defection(@PathParam("id") String id);

    @PUT
    @Path("defections/{id}/cause")
    @Consumes(MediaType.APPLICATION_JSON)
    Response setCause(@PathParam("id") String id, String body);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("review-queue")
    Response reviewQueue(@QueryParam("month") String month, @QueryParam("words") Boolean words,
                         @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("review-queue/months")
    Response reviewQueueMonths();

    /** Not retried: each accepted suggestion is a change (the analyzer keeps it idempotent all the same). */
    @POST
    @Path("review-queue/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    Response acceptSuggestions(String body);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("customers")
    Response findCustomers(@QueryParam("q") String q, @QueryParam("limit") Integer limit);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("customers/{customerId}")
    Response customer(@PathParam("customerId") String customerId);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("taxonomy")
    Response taxonomy();

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("classifier")
    Response classifier();

    /** Not retried: an admin's choice, answered with the status it led to. */
    @PUT
    @Path("classifier/active")
    @Consumes(MediaType.APPLICATION_JSON)
    Response activateModel(String body);
}
