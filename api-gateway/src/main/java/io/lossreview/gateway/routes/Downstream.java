package io.lossreview.gateway.routes;

import io.lossreview.common.problem.ProblemException;
import io.lossreview.common.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Calls a service and passes its answer on: 2xx and 4xx (problems the caller caused) as they are;
 * a 5xx, a timeout or an unreachable service becomes 503 problem+json with Retry-After, never a
 * stack trace or an internal error text.
 */
public final class Downstream {

    private static final Logger LOG = Logger.getLogger(Downstream.class);

    private Downstream() {
    }

    public static Response call(String service, Supplier<Response> call) {
        Response r;
        try {
            r = call.get();
        } catch (RuntimeException e) {
            LOG.warnf("%s unreachable: %s", service, e.getMessage());
            throw unavailable(service);
        }
        if (r.getStatus() >= 500) {
            LOG.warnf("%s answered %d", service, r.getStatus());
            r.close();
            throw unavailable(service);
        }
        Object body = !r.hasEntity() ? null
                : "application/pdf".equals(String.valueOf(r.getMediaType())) ? r.readEntity(byte[].class)
                : r.readEntity(String.class);
        Response.ResponseBuilder passed = Response.status(r.getStatus()).type(r.getMediaType()).entity(body);
        String disposition = r.getHeaderString("Content-Disposition");
        return (disposition == null ? passed : passed.header("Content-Disposition", disposition)).build();
    }

    private static ProblemException unavailable(String service) {
        return new ProblemException(ProblemType.UNAVAILABLE, service + " is not available right now; try again shortly");
    }
}
