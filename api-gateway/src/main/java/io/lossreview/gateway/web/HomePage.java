package io.lossreview.gateway.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The gateway's root opens the web app (sign-in first when there is no session). */
@Path("/")
@PermitAll
public class HomePage {

    @GET
    public Response home() {
        return Response.seeOther(URI.create(WebSession.PATH + "/dashboard")).build();
    }
}
