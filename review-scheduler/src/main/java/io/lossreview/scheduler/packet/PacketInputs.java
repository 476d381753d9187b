package io.lossreview.scheduler.packet;

import io.lossreview.scheduler.analyzer.AnalyzerViews;
import io.lossreview.scheduler.packet.model.ActionLine;
import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.CallReview;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Everything a packet is made of, gathered before anything is written. */
public record PacketInputs(YearMonth month, AnalyzerViews.Summary summary, AnalyzerViews.Ranking causes,
                           AnalyzerViews.Trend trend, AnalyzerViews.Breakdown bySegment,
                           AnalyzerViews.Breakdown byRegion, AnalyzerViews.DefectionPage largest,
                           Map<String, AnalyzerViews.DefectionPage> byTopCause, CallReview lastMonthCalls,
                           List<ActionLine> actions, List<AssignmentLine> assignments) {
}
