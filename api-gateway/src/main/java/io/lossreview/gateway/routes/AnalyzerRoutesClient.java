package io.lossreview.gateway.routes;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** defection-analyzer, raw: answers (problems included) are passed on to the caller as they are. */
@RegisterRestClient(configKey = "analyzer")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface AnalyzerRoutesClient {

    @GET
    @Path("months/{month}/summary")
    Response summary(@PathParam("month") String month);

    @GET
    @Path("months/{month}/causes")
    Response causes(@PathParam("month") String month, @QueryParam("rankBy") String rankBy);

    @GET
    @Path("months/{month}/breakdown")
    Response breakdown(@PathParam("month") String month, @QueryParam("by") String by);

    @GET
    @Path("trends")
    Response trends(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cause") String cause);

    @GET
    @Path("defections")
    Response defections(@QueryParam("month") String month, @QueryParam("cause") String cause,
                        @QueryParam("segment") String segment, @QueryParam("page") Integer page,
                        @QueryParam("size") Integer size);

    @GET
    @Path("defections/{id}")
    Response defection(@PathParam("id") String id);

    @PUT
    @Path("defections/{id}/cause")
    @Consumes(MediaType.APPLICATION_JSON)
    Response setCause(@PathParam("id") String id, @HeaderParam("X-Loss-Review-User") String user, String body);

    @GET
    @Path("review-queue")
    Response reviewQueue(@QueryParam("month") String month, @QueryParam("page") Integer page,
                         @QueryParam("size") Integer size);

    @GET
    @Path("taxonomy")
    Response taxonomy();
}
