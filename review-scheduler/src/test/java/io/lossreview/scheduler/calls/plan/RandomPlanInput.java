package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;
import static io.lossreview.scheduler.calls.plan.PlanChecks.NOW;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Random but reproducible planner inputs, with many ARR ties, duplicate customers and owner conflicts. */
record RandomPlanInput(List<Candidate> candidates, List<Executive> executives, List<String> topCauses,
                       PlanRules rules) {

    private static final List<String> CAUSES = List.of("PRICE", "PRODUCT", "SUPPORT", "COMPETITOR", "BUDGET", "MERGER");
    private static final List<String> SEGMENTS = List.of("SMB", "MID", "ENT");
    private static final List<String> REGIONS = List.of("NA", "EMEA", "APAC");

    static RandomPlanInput next(Random random, int maxExecutives, int maxCandidates, int maxCapacity) {
        List<Executive> executives = new ArrayList<>();
        int executiveCount = random.nextInt(maxExecutives + 1);
        for (int i = 0; i < executiveCount; i++) {
            executives.add(new Executive("e" + i, "Exec " + i, "exec" + i + "@example.com",
                    random.nextInt(maxCapacity + 2) - 1, subset(random, SEGMENTS), subset(random, REGIONS),
                    random.nextInt(100) < 85));
        }
        List<Candidate> candidates = new ArrayList<>();
        int candidateCount = random.nextInt(maxCandidates + 1);
        for (int i = 0; i < candidateCount; i++) {
            candidates.add(candidate(random, i, candidateCount, executives));
        }
        List<String> top = new ArrayList<>(CAUSES);
        Collections.shuffle(top, random);
        PlanRules rules = new PlanRules(random.nextBoolean(), Period.ofMonths(12), random.nextInt(7));
        return new RandomPlanInput(candidates, executives, top, rules);
    }

    private static Candidate candidate(Random random, int index, int count, List<Executive> executives) {
        BigDecimal arr = random.nextInt(10) == 0 ? null : BigDecimal.valueOf(100L * (1 + random.nextInt(10)));
        String customerId = "c" + random.nextInt(Math.max(1, count));
        String cause = random.nextInt(12) == 0 ? null : pick(random, CAUSES);
        Instant lastCall = random.nextInt(5) == 0 ? NOW.minus(Duration.ofDays(random.nextInt(730))) : null;
        return new Candidate("d" + index, customerId, customerId + " Ltd", pick(random, SEGMENTS),
                pick(random, REGIONS), arr, cause, random.nextInt(6) != 0, random.nextInt(15) == 0,
                random.nextInt(20) == 0, random.nextInt(15) != 0, owner(random, executives), lastCall);
    }

    /** Often a roster member, written the sloppy ways a CRM does; sometimes an outsider or nobody. */
    private static String owner(Random random, List<Executive> executives) {
        int roll = random.nextInt(10);
        if (roll < 5 && !executives.isEmpty()) {
            Executive owner = executives.get(random.nextInt(executives.size()));
            String written = random.nextBoolean() ? owner.name() : owner.email();
            written = random.nextBoolean() ? written.toUpperCase(Locale.ROOT) : written;
            return random.nextBoolean() ? "  " + written + " " : written;
        }
        return roll < 7 ? "outsider@example.com" : null;
    }

    private static Set<String> subset(Random random, List<String> values) {
        Set<String> chosen = new HashSet<>();
        for (String value : values) {
            if (random.nextBoolean()) {
                chosen.add(value);
            }
        }
        return chosen;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
