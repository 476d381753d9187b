package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;
import static io.lossreview.scheduler.calls.plan.CandidateBuilder.customer;
import static io.lossreview.scheduler.calls.plan.CandidateBuilder.pendingValue;
import static io.lossreview.scheduler.calls.plan.PlanChecks.NOW;
import static io.lossreview.scheduler.calls.plan.PlanChecks.callerOf;
import static io.lossreview.scheduler.calls.plan.PlanChecks.exec;
import static io.lossreview.scheduler.calls.plan.PlanChecks.inactive;
import static io.lossreview.scheduler.calls.plan.PlanChecks.plan;
import static io.lossreview.scheduler.calls.plan.PlanChecks.reasonOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Selection: who is excluded, how many calls, in which order. */
class CallPlannerTest {

    private static final List<Executive> ONE_BIG = List.of(exec("e1", 50));

    @Test
    void eachExclusionRuleSkipsWithItsReason() {
        List<Candidate> candidates = List.of(
                customer("ok", 100).build(),
                customer("dnc", 900).doNotContact().build(),
                customer("back", 800).wonBack().build(),
                customer("mute", 700).noContact().build(),
                customer("recent", 600).lastCalledAt(NOW.minus(Duration.ofDays(30))).build(),
                customer("invol", 500).involuntary().build());
        CallPlan plan = plan(candidates, ONE_BIG);

        assertEquals(List.of("ok"), plan.assignments().stream().map(a -> a.candidate().customerId()).toList());
        assertEquals(Skip.DO_NOT_CONTACT, reasonOf(plan, "dnc"));
        assertEquals(Skip.WON_BACK, reasonOf(plan, "back"));
        assertEquals(Skip.NO_CONTACT_DATA, reasonOf(plan, "mute"));
        assertEquals(Skip.CALLED_RECENTLY, reasonOf(plan, "recent"));
        assertEquals(Skip.INVOLUNTARY, reasonOf(plan, "invol"));
    }

    @Test
    void involuntaryLossesAreCalledWhenTheRulesSaySo() {
        PlanRules rules = new PlanRules(true, Period.ofMonths(12), 5);
        CallPlan plan = new CallPlanner().plan(List.of(customer("invol", 500).involuntary().build()), ONE_BIG,
                List.of(), rules, NOW);
        assertEquals("e1", callerOf(plan, "invol"));
    }

    @Test
    void recentCallWindowIsInclusiveAndConfigurable() {
        Candidate edge = customer("edge", 100).lastCalledAt(Instant.parse("2024-06-01T00:00:00Z")).build();
        Candidate older = customer("older", 100).lastCalledAt(Instant.parse("2024-05-31T23:59:59Z")).build();
        CallPlan plan = plan(List.of(edge, older), ONE_BIG);
        assertEquals(Skip.CALLED_RECENTLY, reasonOf(plan, "edge"));
        assertEquals("e1", callerOf(plan, "older"));

        PlanRules shortWindow = new PlanRules(false, Period.ofMonths(3), 5);
        CallPlan shorter = new CallPlanner().plan(List.of(edge), ONE_BIG, List.of(), shortWindow, NOW);
        assertEquals("e1", callerOf(shorter, "edge"));
    }

    @Test
    void doNotContactOnAnyDefectionProtectsTheCustomer() {
        Candidate first = customer("c1", 900).defection("d1").build();
        Candidate second = customer("c1", 100).defection("d2").doNotContact().build();
        CallPlan plan = plan(List.of(first, second), ONE_BIG);
        assertEquals(0, plan.assignments().size());
        assertEquals(List.of(Skip.DO_NOT_CONTACT, Skip.DO_NOT_CONTACT), plan.skipped().stream().map(Skip::reason).toList());
    }

    @Test
    void aCustomerIsCalledOnceForTheirHighestDefection() {
        Candidate big = customer("c1", 900).defection("d-big").build();
        Candidate small = customer("c1", 100).defection("d-small").build();
        CallPlan plan = plan(List.of(small, big), ONE_BIG);
        assertEquals(List.of(big), plan.assignments().stream().map(PlannedCall::candidate).toList());
        assertEquals(List.of(new Skip(small, Skip.DUPLICATE_CUSTOMER)), plan.skipped());
    }

    @Test
    void callsEqualTotalActiveCapacityWhenCandidatesAreEnough() {
        List<Candidate> candidates = IntStream.range(0, 20)
                .mapToObj(i -> customer("c" + (100 + i), 1000 + i).build()).toList();
        List<Executive> executives = List.of(exec("e1", 3), exec("e2", 4), inactive("e3", 10));
        CallPlan plan = plan(candidates, executives);

        assertEquals(7, plan.assignments().size());
        assertEquals(13, plan.skipped().stream().filter(s -> s.reason().equals(Skip.NOT_SELECTED)).count());
        // The seven highest ARR losses are the ones called.
        assertEquals(List.of("c119", "c118", "c117", "c116", "c115", "c114", "c113"),
                plan.assignments().stream().map(a -> a.candidate().customerId()).toList());
    }

    @Test
    void fewerCallsWhenFewerEligibleCandidates() {
        CallPlan plan = plan(List.of(customer("a", 1).build(), customer("b", 2).build()),
                List.of(exec("e1", 3), exec("e2", 4)));
        assertEquals(2, plan.assignments().size());
        assertEquals(0, plan.skipped().size());
    }

    @Test
    void pendingArrRanksLastAndTiesBreakByCustomerId() {
        List<Candidate> candidates = List.of(pendingValue("a").build(), customer("z", 5).build(),
                customer("m", 5).build(), customer("b", 1).build());
        CallPlan plan = plan(candidates, List.of(exec("e1", 3)));
        assertEquals(List.of("m", "z", "b"), plan.assignments().stream().map(a -> a.candidate().customerId()).toList());
        assertEquals(Skip.NOT_SELECTED, reasonOf(plan, "a"));
    }

    @Test
    void noActiveCapacityMeansNoCapacityNotRankedOut() {
        CallPlan plan = plan(List.of(customer("a", 1).build()), List.of(inactive("e1", 5), exec("e2", 0)));
        assertNull(callerOf(plan, "a"));
        assertEquals(Skip.NO_CAPACITY, reasonOf(plan, "a"));
    }

    @Test
    void aPendingValueRanksLastButIsStillCalled() {
        CallPlan plan = plan(List.of(pendingValue("a").build(), customer("b", 10).build()), List.of(exec("e1", 2)));
        assertNotNull(callerOf(plan, "a"));
        assertEquals(2, plan.assignments().stream().filter(c -> c.candidate().customerId().equals("a")).findFirst()
                .orElseThrow().reason().arrRank());
    }

    @Test
    void duplicateExecutiveIdsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> plan(List.of(customer("a", 1).build()), List.of(exec("e1", 1), exec("e1", 2))));
    }
}
