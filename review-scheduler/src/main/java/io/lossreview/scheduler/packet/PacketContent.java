package io.lossreview.scheduler.packet;

import io.lossreview.contracts.analysis.view.PacketInputs;
import io.lossreview.scheduler.packet.model.ActionLine;
import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.CallReview;
import java.time.YearMonth;
import java.util.List;

/** Everything a packet is made of: the analyzer's one consistent read, and this service's own sections. */
public record PacketContent(YearMonth month, PacketInputs analysis, CallReview lastMonthCalls, List<ActionLine> actions,
                            List<AssignmentLine> assignments) {
}
