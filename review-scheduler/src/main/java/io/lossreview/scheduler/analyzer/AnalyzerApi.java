package io.lossreview.scheduler.analyzer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** defection-analyzer's REST API, as far as the packet needs it (base URL: quarkus.rest-client.analyzer.url). */
@RegisterRestClient(configKey = "analyzer")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface AnalyzerApi {

    @GET
    @Path("months/{month}/summary")
    AnalyzerViews.Summary summary(@PathParam("month") String month);

    @GET
    @Path("months/{month}/causes")
    AnalyzerViews.Ranking causes(@PathParam("month") String month, @QueryParam("rankBy") String rankBy);

    @GET
    @Path("months/{month}/breakdown")
    AnalyzerViews.Breakdown breakdown(@PathParam("month") String month, @QueryParam("by") String by);

    @GET
    @Path("trends")
    AnalyzerViews.Trend trend(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("defections")
    AnalyzerViews.DefectionPage defections(@QueryParam("month") String month, @QueryParam("cause") String cause,
                                           @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("months/{month}/defection-causes")
    List<AnalyzerViews.DefectionCause> defectionCauses(@PathParam("month") String month);
}
