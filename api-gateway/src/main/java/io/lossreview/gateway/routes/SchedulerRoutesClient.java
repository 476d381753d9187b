package io.lossreview.gateway.routes;

import io.lossreview.common.security.InternalAuthFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** review-scheduler, raw: answers are passed on as they are. */
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000)
@RegisterRestClient(configKey = "scheduler")
@RegisterProvider(SchedulerRoutesClient.InternalAuth.class)
@Path("/")
public interface SchedulerRoutesClient {

    /** Every call carries an internal token for review-scheduler naming the caller (see InternalTokens). */
    class InternalAuth extends InternalAuthFilter {
        public InternalAuth() {
            super("review-scheduler");
        }
    }

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("packets/{month}")
    Response packet(@PathParam("month") String month, @QueryParam("revision") Integer revision);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("packets/{month}/revisions")
    Response revisions(@PathParam("month") String month);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("packets/{month}/html")
    Response html(@PathParam("month") String month, @QueryParam("revision") Integer revision);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("packets/{month}/pdf")
    Response pdf(@PathParam("month") String month, @QueryParam("revision") Integer revision, @QueryParam("paper") String paper);

    @POST
    @Path("packets/{month}")
    Response build(@PathParam("month") String month);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("executives")
    Response executives();

    @PUT
    @Path("executives/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response putExecutive(@PathParam("id") String id, String body);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("assignments")
    Response assignments(@QueryParam("month") String month, @QueryParam("executive") String executive,
                         @QueryParam("customerId") String customerId);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("assignments/{id}")
    Response assignment(@PathParam("id") String id);

    @PUT
    @Path("assignments/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    Response outcome(@PathParam("id") String id, String body);

    @POST
    @Path("assignments/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    Response reassign(@PathParam("id") String id, String body);

    @GET
    @Retry(maxRetries = 2, delay = 100)
    @Path("actions")
    Response actions(@QueryParam("status") String status);

    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response openAction(String body);

    @PUT
    @Path("actions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response changeAction(@PathParam("id") String id, String body);
}
