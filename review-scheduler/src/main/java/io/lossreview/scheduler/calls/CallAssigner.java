package io.lossreview.scheduler.calls;

import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.scheduler.calls.plan.CallPlan;
import io.lossreview.scheduler.calls.plan.CallPlanner;
import io.lossreview.scheduler.calls.plan.Candidate;
import io.lossreview.scheduler.calls.plan.PlanRules;
import io.lossreview.scheduler.calls.plan.WhyText;
import io.lossreview.scheduler.calls.plan.Wording;
import io.lossreview.scheduler.config.SchedulerConfig;
import io.lossreview.scheduler.defection.DefectionCopyRepository;
import io.lossreview.scheduler.defection.KnownDefection;
import io.lossreview.scheduler.executive.ExecutiveRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Picks and assigns this month's executive calls ({@link CallPlanner}) and stores them with their briefs. */
@ApplicationScoped
public class CallAssigner {

    private final DefectionCopyRepository defections;
    private final ExecutiveRepository executives;
    private final CallAssignmentRepository assignments;
    private final SchedulerConfig config;
    private final CallPlanner planner = new CallPlanner();

    public CallAssigner(DefectionCopyRepository defections, ExecutiveRepository executives, CallAssignmentRepository assignments,
                        SchedulerConfig config) {
        this.defections = defections;
        this.executives = executives;
        this.assignments = assignments;
        this.config = config;
    }

    /**
     * @param causes the analyzer's cause per defection of the month
     * @param words  how the reasons and briefs name causes, money and moments (the packet's way)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CallAssignment> assign(YearMonth month, List<String> topCauses, Map<UUID, String> causes,
                                       Wording words, LocalDate dueDate, Instant now) {
        Map<UUID, KnownDefection> known = defections.ofMonth(month);
        Map<String, Instant> lastCalls = assignments.lastCalls(known.values().stream().map(k -> k.data().customerId()).toList());
        List<Candidate> candidates = known.values().stream()
                .map(k -> candidate(k, causes.getOrDefault(UUID.fromString(k.data().defectionId()), "OTHER"), lastCalls))
                .toList();
        CallPlan plan = planner.plan(candidates, executives.all(), topCauses,
                new PlanRules(config.callInvoluntary(), config.recentCallWindow(), config.causesToCover()), now);
        List<CallAssignment> created = plan.assignments().stream().map(a -> {
            KnownDefection k = known.get(UUID.fromString(a.candidate().defectionId()));
            return CallAssignment.assigned(month, UUID.fromString(a.candidate().defectionId()),
                    a.candidate().customerId(), a.executive().id(), WhyText.of(a, words),
                    Brief.of(k.data(), a.candidate().cause(), history(a.candidate().customerId(), lastCalls, words)),
                    now, dueDate, null);
        }).toList();
        assignments.insert(created);
        return created;
    }

    private static Candidate candidate(KnownDefection k, String cause, Map<String, Instant> lastCalls) {
        DefectionChanged d = k.data();
        var p = d.customer();
        boolean valued = d.value() != null && !d.value().valuePending();
        return new Candidate(d.defectionId(), d.customerId(), p == null ? null : p.accountName(),
                p == null || p.segment() == null ? null : p.segment().name(), p == null ? null : p.region(),
                valued ? d.value().arr() : null, cause, d.voluntary(), k.wonBackAt() != null, d.doNotContact(),
                k.hasContact(), p == null ? null : p.accountOwner(), lastCalls.get(d.customerId()));
    }

    private static List<String> history(String customerId, Map<String, Instant> lastCalls, Wording words) {
        Instant last = lastCalls.get(customerId);
        return last == null ? List.of() : List.of("Last executive call completed " + words.when(last));
    }
}
