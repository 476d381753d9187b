package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;
import static io.lossreview.scheduler.calls.plan.PlanChecks.NOW;
import static io.lossreview.scheduler.calls.plan.PlanChecks.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariants over 200 seeded random inputs: capacity, owners, even spread, slots used, determinism. */
class CallPlanPropertyTest {

    private static final int ITERATIONS = 200;

    private final CallPlanner planner = new CallPlanner();

    @Test
    void invariantsHoldForRandomInputs() {
        Random random = new Random(20250601L);
        int withOwnerConflict = 0;
        int withRankedOut = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            // Small rosters make owner conflicts and forced loads common.
            RandomPlanInput input = RandomPlanInput.next(random, 1 + i % 8, 40, 4);
            CallPlan plan = plan(input, input.candidates(), input.executives());

            assertValid(plan, input.candidates(), input.executives());
            assertSlotsUsed(plan, input.executives());
            withOwnerConflict += has(plan, Skip.OWNER_CONFLICT) ? 1 : 0;
            withRankedOut += has(plan, Skip.NOT_SELECTED) ? 1 : 0;
        }
        // The inputs must reach the hard cases, or the invariants above prove little.
        assertTrue(withOwnerConflict > 0 && withRankedOut > 0, withOwnerConflict + " / " + withRankedOut);
    }

    private static boolean has(CallPlan plan, String reason) {
        return plan.skipped().stream().anyMatch(s -> s.reason().equals(reason));
    }

    @Test
    void samePlanWhateverTheInputOrder() {
        Random random = new Random(42L);
        for (int i = 0; i < ITERATIONS; i++) {
            RandomPlanInput input = RandomPlanInput.next(random, 8, 40, 4);
            List<Candidate> candidates = new ArrayList<>(input.candidates());
            List<Executive> executives = new ArrayList<>(input.executives());
            Collections.shuffle(candidates, random);
            Collections.shuffle(executives, random);

            assertEquals(plan(input, input.candidates(), input.executives()), plan(input, candidates, executives),
                    "iteration " + i);
        }
    }

    /** Someone is ranked out only when every slot was used. */
    private static void assertSlotsUsed(CallPlan plan, List<Executive> executives) {
        int capacity = executives.stream().filter(Executive::active).mapToInt(e -> Math.max(0, e.capacity())).sum();
        boolean rankedOut = has(plan, Skip.NOT_SELECTED);
        assertTrue(plan.assignments().size() <= capacity, "more calls than capacity");
        if (rankedOut) {
            assertEquals(capacity, plan.assignments().size(), "ranked out while slots were free");
        }
    }

    private CallPlan plan(RandomPlanInput input, List<Candidate> candidates, List<Executive> executives) {
        return planner.plan(candidates, executives, input.topCauses(), input.rules(), NOW);
    }
}
