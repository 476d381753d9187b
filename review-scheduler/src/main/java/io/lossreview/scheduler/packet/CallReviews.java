package io.lossreview.scheduler.packet;

import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.lossreview.scheduler.config.SchedulerConfig;
import io.lossreview.scheduler.defection.DefectionCopyRepository;
import io.lossreview.scheduler.defection.KnownDefection;
import io.lossreview.scheduler.executive.ExecutiveRepository;
import io.lossreview.scheduler.executive.Executive;
import io.lossreview.scheduler.packet.model.CallReview;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Section 7: the previous month's calls. A reactivation within the credit window (default 90 days)
 * after a completed call is credited to that call's executive, with the ARR it recovered.
 */
@ApplicationScoped
public class CallReviews {

    private final CallAssignmentRepository assignments;
    private final DefectionCopyRepository defections;
    private final ExecutiveRepository executives;
    private final SchedulerConfig config;

    public CallReviews(CallAssignmentRepository assignments, DefectionCopyRepository defections, ExecutiveRepository executives,
                       SchedulerConfig config) {
        this.assignments = assignments;
        this.defections = defections;
        this.executives = executives;
        this.config = config;
    }

    /** Null when that month had no calls at all. */
    public CallReview of(YearMonth month) {
        List<CallAssignment> calls = assignments.ofMonth(month).stream()
                .filter(a -> a.status() != CallAssignment.Status.REASSIGNED).toList();
        if (calls.isEmpty()) {
            return null;
        }
        Map<String, String> names = executives.all().stream().collect(Collectors.toMap(Executive::id, Executive::name));
        Map<UUID, KnownDefection> known = defections.byIds(calls.stream().map(CallAssignment::defectionId).toList());
        List<CallReview.CallLearning> learnings = calls.stream().filter(a -> a.status() == CallAssignment.Status.COMPLETED)
                .map(a -> new CallReview.CallLearning(names.getOrDefault(a.executiveId(), a.executiveId()),
                        a.brief().accountName(), a.brief().segment(), a.outcome().name(), a.brief().classifiedCause(),
                        a.learnedCause(), a.notes()))
                .toList();
        List<CallReview.WinBackCredit> credits = calls.stream()
                .filter(a -> a.completedAt() != null && credited(a, known.get(a.defectionId())))
                .map(a -> new CallReview.WinBackCredit(names.getOrDefault(a.executiveId(), a.executiveId()),
                        a.brief().accountName(), a.brief().arrLost()))
                .toList();
        int corrected = (int) calls.stream().filter(a -> a.learnedCause() != null
                && !a.learnedCause().equals(a.brief().classifiedCause())).count();
        return new CallReview(month, calls.size(), count(calls, CallOutcome.REACHED), count(calls, CallOutcome.NOT_REACHED),
                count(calls, CallOutcome.DECLINED), (int) calls.stream().filter(a -> a.status() == CallAssignment.Status.ASSIGNED).count(),
                corrected, learnings, credits);
    }

    private boolean credited(CallAssignment a, KnownDefection d) {
        if (d == null || d.wonBackAt() == null) {
            return false;
        }
        Instant until = a.completedAt().atOffset(ZoneOffset.UTC).plus(config.winBackCreditWindow()).toInstant();
        return !d.wonBackAt().isBefore(a.completedAt()) && !d.wonBackAt().isAfter(until);
    }

    private static int count(List<CallAssignment> calls, CallOutcome outcome) {
        return (int) calls.stream().filter(a -> a.outcome() == outcome).count();
    }
}
