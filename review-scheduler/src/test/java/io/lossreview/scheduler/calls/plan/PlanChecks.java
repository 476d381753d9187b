package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared fixtures and plan invariants, written independently of the planner's own helpers. */
final class PlanChecks {

    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private PlanChecks() {
    }

    static Executive exec(String id, int capacity) {
        return exec(id, capacity, Set.of(), Set.of());
    }

    static Executive exec(String id, int capacity, Set<String> segments, Set<String> regions) {
        return new Executive(id, "Exec " + id, id + "@example.com", capacity, segments, regions, true);
    }

    static Executive inactive(String id, int capacity) {
        return new Executive(id, "Exec " + id, id + "@example.com", capacity, Set.of(), Set.of(), false);
    }

    static CallPlan plan(List<Candidate> candidates, List<Executive> executives) {
        return new CallPlanner().plan(candidates, executives, List.of(), PlanRules.defaults(), NOW);
    }

    /** The executive id who calls this customer, or null when nobody does. */
    static String callerOf(CallPlan plan, String customerId) {
        return plan.assignments().stream().filter(a -> a.candidate().customerId().equals(customerId))
                .map(a -> a.executive().id()).findFirst().orElse(null);
    }

    static String reasonOf(CallPlan plan, String customerId) {
        List<String> reasons = plan.skipped().stream().filter(s -> s.candidate().customerId().equals(customerId))
                .map(Skip::reason).toList();
        assertEquals(1, reasons.size(), "skips for " + customerId + ": " + reasons);
        return reasons.get(0);
    }

    static Map<String, Integer> loads(CallPlan plan) {
        Map<String, Integer> loads = new HashMap<>();
        plan.assignments().forEach(a -> loads.merge(a.executive().id(), 1, Integer::sum));
        return loads;
    }

    static boolean owns(Executive executive, Candidate candidate) {
        String owner = candidate.accountOwner() == null ? "" : candidate.accountOwner().trim();
        return !owner.isEmpty() && (owner.equalsIgnoreCase(executive.name().trim())
                || owner.equalsIgnoreCase(executive.email().trim()));
    }

    /** Every candidate exactly once; capacity, activity and owner rules; the even-spread property. */
    static void assertValid(CallPlan plan, List<Candidate> candidates, List<Executive> executives) {
        assertEquals(candidates.size(), plan.assignments().size() + plan.skipped().size(), "every candidate once");
        Map<String, Integer> loads = loads(plan);
        for (PlannedCall assignment : plan.assignments()) {
            Executive executive = assignment.executive();
            assertTrue(executive.active(), "inactive executive assigned: " + executive.id());
            assertFalse(owns(executive, assignment.candidate()), "owner assigned own customer: " + assignment);
            assertTrue(assignment.reason() != null && assignment.reason().arrRank() > 0, "reason missing");
        }
        for (Executive executive : executives) {
            int load = loads.getOrDefault(executive.id(), 0);
            assertTrue(load <= Math.max(0, executive.capacity()), "capacity exceeded: " + executive.id());
        }
        for (Executive b : executives) {
            int loadB = loads.getOrDefault(b.id(), 0);
            if (!b.active() || loadB >= b.capacity()) {
                continue;
            }
            for (PlannedCall call : plan.assignments()) {
                Executive a = call.executive();
                if (!owns(b, call.candidate()) && loads.get(a.id()) - loadB > 1) {
                    fail(a.id() + " has " + loads.get(a.id()) + " calls while " + b.id() + " has " + loadB
                            + " with spare capacity and could take " + call.candidate().customerId());
                }
            }
        }
    }
}
