package io.lossreview.gateway.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.common.problem.Params;
import io.lossreview.common.problem.ProblemException;
import io.lossreview.gateway.security.Roles;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.context.ThreadContext;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** One call for the month's dashboard: summary, ranked causes and call progress, fetched in parallel. */
@Path("/api/v1")
@SecurityRequirement(name = "bearer")
@Tag(name = "Dashboard", description = "The month at a glance, in one call")
public class DashboardRoute {

    /** Enough for the three calls of many dashboards at once; more would only wait on the services behind. */
    private static final int CALL_THREADS = 32;

    private final AnalyzerRoutesClient analyzer;
    private final SchedulerRoutesClient scheduler;
    /**
     * The calls' own threads, never the request workers': a request's worker waits for its calls, so if they queued
     * behind the workers, a burst of dashboards larger than the worker pool held every worker waiting for calls that
     * could never start, and the gateway answered nothing ever again. (A ManagedExecutor, even one built with its own
     * limits, runs on the workers' pool in Quarkus.)
     */
    private final ExecutorService calls = Executors.newFixedThreadPool(CALL_THREADS, task -> {
        Thread t = new Thread(task, "dashboard-call");
        t.setDaemon(true);
        return t;
    });
    /** Carries the request context to those threads: the calls are made in the caller's name (internal tokens). */
    private final ThreadContext context;
    private final ObjectMapper mapper;

    public DashboardRoute(@RestClient AnalyzerRoutesClient analyzer, @RestClient SchedulerRoutesClient scheduler,
                          ThreadContext context, ObjectMapper mapper) {
        this.analyzer = analyzer;
        this.scheduler = scheduler;
        this.context = context;
        this.mapper = mapper;
    }

    @PreDestroy
    void stop() {
        calls.shutdown();
    }

    @GET
    @Path("months/{month}/dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getMonthDashboard",
            summary = "Summary, causes ranked by ARR and executive call progress of a month in one response",
            description = "Fetched from defection-analyzer and review-scheduler in parallel; 503 if either is down.")
    @APIResponse(responseCode = "200", ref = "Dashboard", description = "The month's dashboard")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ObjectNode dashboard(
            @Parameter(ref = "MonthPath") @PathParam("month") String month) {
        String m = Params.month("month", month).toString();
        var summary = fetch("defection-analyzer", () -> analyzer.summary(m));
        var causes = fetch("defection-analyzer", () -> analyzer.causes(m, "arr"));
        var calls = fetch("review-scheduler", () -> scheduler.assignments(m, null, null));
        ObjectNode dashboard = mapper.createObjectNode().put("month", m);
        dashboard.set("summary", join(summary));
        dashboard.set("causes", join(causes).path("causes"));
        dashboard.set("calls", progress(join(calls)));
        return dashboard;
    }

    private CompletableFuture<JsonNode> fetch(String service, Supplier<Response> call) {
        return CompletableFuture.supplyAsync(context.contextualSupplier(() -> {
            Response r = Downstream.call(service, call);
            if (r.getStatus() != 200) {
                throw new ProblemException(io.lossreview.common.problem.ProblemType.forStatus(r.getStatus()),
                        service + " answered " + r.getStatus() + ": " + r.getEntity());
            }
            try {
                return mapper.readTree(String.valueOf(r.getEntity()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(service + " sent no JSON", e);
            }
        }), calls);
    }

    private static JsonNode join(CompletableFuture<JsonNode> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** How many of the month's calls are assigned, completed and reached (reassigned rows are history). */
    private ObjectNode progress(JsonNode assignments) {
        int assigned = 0;
        int completed = 0;
        int reached = 0;
        for (JsonNode a : assignments) {
            String status = a.path("status").asText();
            if ("REASSIGNED".equals(status)) {
                continue;
            }
            assigned++;
            completed += "COMPLETED".equals(status) ? 1 : 0;
            reached += "REACHED".equals(a.path("outcome").asText()) ? 1 : 0;
        }
        return mapper.createObjectNode().put("assigned", assigned).put("completed", completed).put("reached", reached)
                .put("open", assigned - completed);
    }
}
