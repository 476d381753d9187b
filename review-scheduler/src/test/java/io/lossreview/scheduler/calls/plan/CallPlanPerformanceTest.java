package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;
import static io.lossreview.scheduler.calls.plan.PlanChecks.NOW;
import static io.lossreview.scheduler.calls.plan.PlanChecks.assertValid;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Size check for the benchmark: prints the time, asserts only correctness (timings are machine-dependent). */
class CallPlanPerformanceTest {

    private static final List<String> CAUSES = List.of("PRICE", "PRODUCT", "SUPPORT", "COMPETITOR", "BUDGET", "MERGER");
    private static final List<String> SEGMENTS = List.of("SMB", "MID", "ENT");
    private static final List<String> REGIONS = List.of("NA", "EMEA", "APAC");

    @Test
    void plansTwoThousandCandidatesForSixtyExecutives() {
        Random random = new Random(7L);
        List<Executive> executives = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            executives.add(new Executive(String.format("e%02d", i), "Exec " + i, "exec" + i + "@example.com",
                    3 + random.nextInt(2), Set.of(SEGMENTS.get(i % 3)), Set.of(REGIONS.get(i / 3 % 3)), true));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String owner = random.nextInt(3) == 0 ? "Exec " + random.nextInt(60) : null;
            candidates.add(new Candidate("d" + i, "c" + i, "Customer " + i, SEGMENTS.get(random.nextInt(3)),
                    REGIONS.get(random.nextInt(3)), BigDecimal.valueOf(1000L + random.nextInt(200_000)),
                    CAUSES.get(random.nextInt(CAUSES.size())), random.nextInt(10) != 0, false, false, true,
                    owner, null));
        }

        CallPlanner planner = new CallPlanner();
        long start = System.nanoTime();
        CallPlan plan = planner.plan(candidates, executives, CAUSES, PlanRules.defaults(), NOW);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        // A monthly job plans once, cold; the warm figure shows the algorithm without JIT warm-up.
        long[] warmMs = new long[5];
        for (int run = 0; run < warmMs.length; run++) {
            long runStart = System.nanoTime();
            planner.plan(candidates, executives, CAUSES, PlanRules.defaults(), NOW);
            warmMs[run] = (System.nanoTime() - runStart) / 1_000_000;
        }
        Arrays.sort(warmMs);

        System.out.println("CallPlanner: 2000 candidates, 60 executives, " + plan.assignments().size()
                + " calls; first run " + firstMs + " ms, warm median " + warmMs[2] + " ms");
        assertValid(plan, candidates, executives);
    }
}
