package io.lossreview.analyzer.rest;

import io.lossreview.common.error.InvalidInput;
import io.lossreview.analyzer.analysis.MonthAnalysis;
import io.lossreview.contracts.base.MonthBaseView;
import io.lossreview.analyzer.base.MonthBases;
import io.lossreview.common.error.NotFound;
import io.lossreview.analyzer.analysis.MonthRebuilds;
import io.lossreview.analyzer.analysis.PacketInputsReader;
import io.lossreview.analyzer.analysis.RankBy;
import io.lossreview.contracts.analysis.view.Breakdown;
import io.lossreview.contracts.analysis.view.CauseRanking;
import io.lossreview.contracts.analysis.view.MonthSummary;
import io.lossreview.contracts.analysis.view.PacketInputs;
import io.lossreview.contracts.analysis.view.Trend;
import io.lossreview.analyzer.defection.Dimension;
import io.lossreview.common.problem.Params;
import io.lossreview.common.time.BusinessCalendar;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Month figures: summary, ranked causes, breakdowns and trends. Months are yyyy-MM in the business time zone. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MonthResource {

    static final int MAX_TREND_MONTHS = 120;

    private final MonthAnalysis analysis;
    private final MonthRebuilds rebuilds;
    private final PacketInputsReader packetInputs;
    private final MonthBases bases;
    private final Clock clock;
    private final BusinessCalendar calendar;

    public MonthResource(MonthAnalysis analysis, MonthRebuilds rebuilds, PacketInputsReader packetInputs, MonthBases bases,
                         Clock clock, BusinessCalendar calendar) {
        this.analysis = analysis;
        this.bases = bases;
        this.rebuilds = rebuilds;
        this.packetInputs = packetInputs;
        this.clock = clock;
        this.calendar = calendar;
    }

    @GET
    @Path("months/{month}/base")
    @Operation(summary = "The month's customer base (at the start, new, reactivated, lost, at the end; MRR movements) and its churn rates")
    public MonthBaseView base(@PathParam("month") @Parameter(example = "2026-03") String month) {
        YearMonth m = Params.month("month", month);
        return bases.of(m).map(MonthBaseView::of).orElseThrow(() -> new NotFound("measured customer base of month", m));
    }

    @GET
    @Path("months/{month}/summary")
    @Operation(summary = "Customers, seats, MRR/ARR/lifetime value lost, win-backs and changes vs prior and trailing 3 months")
    public MonthSummary summary(@PathParam("month") @Parameter(example = "2026-03") String month) {
        return analysis.summary(Params.month("month", month));
    }

    @GET
    @Path("months/{month}/causes")
    @Operation(summary = "Causes ranked (arr: ARR lost; customers; composite: mean of the ARR and customer shares)")
    public CauseRanking causes(@PathParam("month") String month,
                               @QueryParam("rankBy") @DefaultValue("arr") String rankBy) {
        YearMonth m = Params.month("month", month);
        return analysis.causes(m, RankBy.parse(Params.oneOf("rankBy", rankBy, List.of("arr", "customers", "composite"))));
    }

    @GET
    @Path("months/{month}/breakdown")
    @Operation(summary = "Losses by segment, region, plan, tenure band or voluntary/involuntary")
    public Breakdown breakdown(@PathParam("month") String month, @QueryParam("by") @DefaultValue("segment") String by) {
        return analysis.breakdown(Params.month("month", month), Dimension.of(Params.oneOf("by", by, Dimension.keys())));
    }

    @GET
    @Path("trends")
    @Operation(summary = "Monthly series per cause; defaults to the 12 months up to the latest month with losses")
    public Trend trends(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cause") String cause) {
        YearMonth end = to == null ? analysis.latestMonth().orElseGet(() -> calendar.month(clock.instant())) : Params.month("to", to);
        YearMonth start = from == null ? end.minusMonths(11) : Params.month("from", from);
        checkRange("from", start, end);
        return analysis.trend(start, end, Optional.ofNullable(cause).filter(c -> !c.isBlank()).map(String::toUpperCase));
    }

    @GET
    @Path("months/{month}/packet-inputs")
    @Operation(summary = "Everything the month's review packet needs, read from one consistent snapshot",
            description = "Summary, causes ranked by ARR, the trend from trendFrom (default: 11 months before), the "
                    + "segment and region breakdowns, the largest losses overall and per top cause, and every "
                    + "defection's cause; all from one read-only REPEATABLE READ transaction.")
    public PacketInputs packetInputs(@PathParam("month") String month, @QueryParam("trendFrom") String trendFrom) {
        YearMonth m = Params.month("month", month);
        YearMonth from = trendFrom == null ? m.minusMonths(11) : Params.month("trendFrom", trendFrom);
        checkRange("trendFrom", from, m);
        return packetInputs.read(m, from);
    }

    @POST
    @Path("admin/months/{month}/rebuild")
    @Operation(summary = "Recompute a month's totals from its stored defections; reports the rows that had drifted")
    public MonthRebuilds.Report rebuild(@PathParam("month") String month) {
        return rebuilds.rebuild(Params.month("month", month));
    }

    private static void checkRange(String field, YearMonth start, YearMonth end) {
        if (start.isAfter(end)) {
            throw new InvalidInput(field, "not-after-to", field + " (" + start + ") is after " + end);
        }
        if (start.plusMonths(MAX_TREND_MONTHS).isBefore(end.plusMonths(1))) {
            throw new InvalidInput(field, "max-range", "a trend covers at most " + MAX_TREND_MONTHS + " months");
        }
    }
}
