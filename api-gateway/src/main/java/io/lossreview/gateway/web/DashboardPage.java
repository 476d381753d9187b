package io.lossreview.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.gateway.routes.AnalysisRoutes;
import io.lossreview.gateway.routes.DashboardRoute;
import io.lossreview.gateway.routes.ReviewRoutes;
import io.lossreview.gateway.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A month at a glance: KPIs, causes ranked by ARR with the Pareto chart, the 12-month trend of the
 * top causes, emerging causes and call progress. Without a month it opens the newest month with losses.
 */
@Path("/app/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    private static final int TRENDED_CAUSES = 5;

    private final Template dashboard;
    private final PageCalls calls;
    private final DashboardRoute dashboardRoute;
    private final AnalysisRoutes analysis;
    private final ReviewRoutes review;
    private final SecurityIdentity identity;
    private final DashboardCharts charts;

    public DashboardPage(@Location("web/dashboard.html") Template dashboard, PageCalls calls,
                         DashboardRoute dashboardRoute, AnalysisRoutes analysis, ReviewRoutes review,
                         SecurityIdentity identity,
                         ObjectMapper mapper) {
        this.dashboard = dashboard;
        this.calls = calls;
        this.dashboardRoute = dashboardRoute;
        this.analysis = analysis;
        this.review = review;
        this.identity = identity;
        this.charts = new DashboardCharts(mapper);
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public TemplateInstance show(@QueryParam("month") String month) {
        TemplateInstance page = dashboard.data("viewer", Viewer.of(identity, "/app/dashboard"));
        YearMonth m = month == null || month.isBlank() ? null : Months.parse(month).orElse(null);
        if (month != null && !month.isBlank() && m == null) {
            return empty(page, null, "“" + month + "” is not a month; pick one as yyyy-MM.");
        }
        Loaded trend = calls.load(() -> analysis.trends(m == null ? null : m.minusMonths(11).toString(),
                m == null ? null : m.toString(), null));
        YearMonth shown = m != null ? m : trend.ok() ? Months.endOf(trend) : null;
        if (shown == null) {
            return empty(page, null, trend.error());
        }
        Loaded board = calls.loadValue(() -> dashboardRoute.dashboard(shown.toString()));
        if (!board.ok()) {
            return empty(page, shown, board.error());
        }
        Map<String, Object> data = board.map();
        @SuppressWarnings("unchecked")
        List<Object> causes = (List<Object>) data.getOrDefault("causes", List.of());
        Map<String, String> labels = new LinkedHashMap<>();
        causes.forEach(c -> labels.put(String.valueOf(((Map<?, ?>) c).get("cause")),
                String.valueOf(((Map<?, ?>) c).get("label"))));
        List<String> top = labels.keySet().stream().limit(TRENDED_CAUSES).toList();
        return page.data("month", shown.toString())
                .data("error", null)
                .data("story", MonthStory.of(calls.load(() -> review.packet(shown.toString(), null)), shown))
                .data("summary", data.get("summary"))
                .data("causes", causes)
                .data("calls", data.get("calls"))
                .data("paretoChart", causes.isEmpty() ? null : charts.pareto(causes))
                .data("trendChart", trend.ok() && !top.isEmpty() ? charts.trend(trend.map(), top, labels) : null)
                .data("rateChart", trend.ok() ? charts.rates(trend.map()) : null)
                .data("trendError", trend.error());
    }

    private static TemplateInstance empty(TemplateInstance page, YearMonth month, String error) {
        return page.data("month", month == null ? "" : month.toString()).data("error", error).data("summary", null)
                .data("story", null)
                .data("causes", List.of()).data("calls", null).data("paretoChart", null).data("trendChart", null).data("rateChart", null)
                .data("trendError", null);
    }
}
