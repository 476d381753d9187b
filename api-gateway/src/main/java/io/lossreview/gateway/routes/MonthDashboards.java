package io.lossreview.gateway.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.common.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A month's dashboard (summary, causes ranked by ARR, call progress), fetched from defection-analyzer and
 * review-scheduler in parallel and kept for a moment ({@code DASHBOARD_CACHE_TTL}, one second): it is the page
 * everybody opens at the start of the review, and the same for every role allowed to see it, so a burst of viewers
 * costs the services behind one fetch a second instead of three calls each. Once the second is up, the next viewer's
 * request fetches it again while the others are still shown the one kept ({@link KeptWhileRefetched}, at most
 * {@code DASHBOARD_STALE_MAX} longer): under load only that one viewer waits for the services. A change made through
 * this gateway (any write that succeeds) drops what is kept, so people see their own changes at once; changes arriving
 * otherwise (new defections, another gateway instance) show within a second or two, on top of the pipeline's own
 * delay. Failures are never kept.
 */
@ApplicationScoped
public class MonthDashboards {

    /** Months kept at most: any valid month can be asked for, so what is kept must stay bounded. */
    private static final int MAX_MONTHS = 240;
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

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
    private final KeptWhileRefetched<ObjectNode> kept;

    public MonthDashboards(@RestClient AnalyzerRoutesClient analyzer, @RestClient SchedulerRoutesClient scheduler,
                           ThreadContext context, ObjectMapper mapper,
                           @ConfigProperty(name = "gateway.dashboard.keep") Duration keep,
                           @ConfigProperty(name = "gateway.dashboard.stale-max") Duration staleMax) {
        this.analyzer = analyzer;
        this.scheduler = scheduler;
        this.context = context;
        this.mapper = mapper;
        this.kept = new KeptWhileRefetched<>(this::fetchDashboard, keep, staleMax, MAX_MONTHS, System::nanoTime);
    }

    @PreDestroy
    void stop() {
        calls.shutdown();
    }

    /** The month's dashboard; the month is valid (yyyy-MM). */
    public ObjectNode of(String month) {
        return kept.get(month);
    }

    private ObjectNode fetchDashboard(String month) {
        var summary = fetch("defection-analyzer", () -> analyzer.summary(month));
        var causes = fetch("defection-analyzer", () -> analyzer.causes(month, "arr"));
        var assignments = fetch("review-scheduler", () -> scheduler.assignments(month, null, null));
        // All three end before the answer, failed or not: a call still running after its request ended would
        // run without the caller's context and fail with a misleading error.
        CompletableFuture.allOf(summary, causes, assignments).exceptionally(failure -> null).join();
        ObjectNode dashboard = mapper.createObjectNode().put("month", month);
        dashboard.set("summary", KeptWhileRefetched.join(summary));
        dashboard.set("causes", KeptWhileRefetched.join(causes).path("causes"));
        dashboard.set("calls", progress(KeptWhileRefetched.join(assignments)));
        return dashboard;
    }

    /**
     * A write that succeeded may have changed any month's figures or calls: nothing kept is trusted after it. Never
     * blocks (a response filter may run on an I/O thread): a fetch running meanwhile is left to end, and keeps nothing.
     */
    @ServerResponseFilter
    public void forgetAfterWrites(ContainerRequestContext request, ContainerResponseContext response) {
        if (!READS.contains(request.getMethod()) && response.getStatus() < 400) {
            kept.forgetAll();
        }
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
