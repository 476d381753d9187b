package io.lossreview.gateway.routes.csv;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers a list route's 200 in CSV when the caller prefers {@code text/csv} to JSON (the Accept header),
 * as a download named after the route and its month. Anything else (JSON asked, an error) stays as it is.
 */
public class CsvResponses {

    /** For {@code @Produces}: a route that answers CSV too. */
    public static final String TEXT_CSV = "text/csv";
    private static final MediaType CSV = new MediaType("text", "csv", "utf-8");

    @ServerResponseFilter
    public void toCsv(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        CsvRows rows = method == null ? null : method.getAnnotation(CsvRows.class);
        if (rows == null || response.getStatus() != 200 || !(response.getEntity() instanceof String json)
                || !prefersCsv(request.getAcceptableMediaTypes())) {
            return;
        }
        response.setEntity(CsvTable.of(json, rows.value()));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, CSV.toString());
        String month = request.getUriInfo().getPathParameters().getFirst("month");
        if (month == null) {
            month = request.getUriInfo().getQueryParameters().getFirst("month");
        }
        response.getHeaders().putSingle("Content-Disposition", disposition(rows, month));
    }

    /** A route's JSON answer as its CSV download (the web app's exports); anything but a 200 is passed on. */
    public static Response download(Response answer, CsvRows rows, String month) {
        if (answer.getStatus() != 200 || !(answer.getEntity() instanceof String json)) {
            return answer;
        }
        return Response.ok(CsvTable.of(json, rows.value()), CSV).header("Content-Disposition", disposition(rows, month)).build();
    }

    private static String disposition(CsvRows rows, String month) {
        String name = rows.file() + (month == null ? "" : "-" + month.replaceAll("[^0-9A-Za-z-]", "")) + ".csv";
        return "attachment; filename=\"" + name + "\"";
    }

    /** The first acceptable type (they come sorted by preference) that is JSON or CSV decides. */
    static boolean prefersCsv(List<MediaType> acceptable) {
        for (MediaType t : acceptable) {
            if (t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType()) {
                return false;
            }
            if (t.getType().equalsIgnoreCase("text") && t.getSubtype().equalsIgnoreCase("csv")) {
                return true;
            }
            if (t.isWildcardType()) {
                return false;
            }
        }
        return false;
    }
}
