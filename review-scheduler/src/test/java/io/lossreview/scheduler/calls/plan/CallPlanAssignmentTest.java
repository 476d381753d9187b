package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;
import static io.lossreview.scheduler.calls.plan.CandidateBuilder.customer;
import static io.lossreview.scheduler.calls.plan.PlanChecks.assertValid;
import static io.lossreview.scheduler.calls.plan.PlanChecks.callerOf;
import static io.lossreview.scheduler.calls.plan.PlanChecks.exec;
import static io.lossreview.scheduler.calls.plan.PlanChecks.inactive;
import static io.lossreview.scheduler.calls.plan.PlanChecks.loads;
import static io.lossreview.scheduler.calls.plan.PlanChecks.plan;
import static io.lossreview.scheduler.calls.plan.PlanChecks.reasonOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Who calls whom: capacity, owners, segment/region preference, even spread. */
class CallPlanAssignmentTest {

    private static List<Candidate> losses(int count) {
        return IntStream.range(0, count).mapToObj(i -> customer("c" + (100 + i), 1000 + i).build()).toList();
    }

    @Test
    void capacityIsRespectedAndInactiveExecutivesGetNothing() {
        List<Executive> executives = List.of(exec("e1", 1), exec("e2", 2), inactive("e3", 5), exec("e4", 3));
        CallPlan plan = plan(losses(20), executives);

        assertEquals(Map.of("e1", 1, "e2", 2, "e4", 3), loads(plan));
        assertValid(plan, losses(20), executives);
    }

    @Test
    void loadsSpreadEvenlyBeforeAnyoneFillsUp() {
        List<Executive> executives = List.of(exec("e1", 4), exec("e2", 4), exec("e3", 4));
        CallPlan plan = plan(losses(6), executives);
        assertEquals(Map.of("e1", 2, "e2", 2, "e3", 2), loads(plan));
    }

    @Test
    void ownerIsNeverAssignedTheirOwnCustomerEvenAsTheBestMatch() {
        Executive owner = new Executive("e1", "Ada Lovelace", "ada@example.com", 3, Set.of("ENT"), Set.of("EMEA"), true);
        Executive other = exec("e2", 3);
        List<Candidate> candidates = List.of(
                customer("by-name", 900).in("ENT", "EMEA").owner("  ada LOVELACE ").build(),
                customer("by-mail", 800).in("ENT", "EMEA").owner("ADA@example.com").build());
        CallPlan plan = plan(candidates, List.of(owner, other));

        assertEquals("e2", callerOf(plan, "by-name"));
        assertEquals("e2", callerOf(plan, "by-mail"));
    }

    @Test
    void ownerOffTheRosterIsNoConflict() {
        CallPlan plan = plan(List.of(customer("a", 1).owner("someone@else.com").build()), List.of(exec("e1", 1)));
        assertEquals("e1", callerOf(plan, "a"));
    }

    @Test
    void whenOnlyTheOwnerHasCapacityTheNextCandidateTakesTheSlot() {
        List<Candidate> candidates = List.of(
                customer("own", 900).owner("Exec e1").build(),
                customer("next", 800).build());
        CallPlan plan = plan(candidates, List.of(exec("e1", 1)));
        assertEquals(Skip.OWNER_CONFLICT, reasonOf(plan, "own"));
        assertEquals("e1", callerOf(plan, "next"));
    }

    @Test
    void anExchangeFreesANonOwnerForTheHigherPriorityCustomer() {
        // e1 takes "first" (lower id); then only e2 has room but owns "second": e1 hands "first" to e2.
        List<Candidate> candidates = List.of(
                customer("first", 900).build(),
                customer("second", 800).owner("e2@example.com").build(),
                customer("third", 700).build());
        List<Executive> executives = List.of(exec("e1", 1), exec("e2", 1));
        CallPlan plan = plan(candidates, executives);

        assertEquals("e2", callerOf(plan, "first"));
        assertEquals("e1", callerOf(plan, "second"));
        assertEquals(Skip.NOT_SELECTED, reasonOf(plan, "third"));
        assertValid(plan, candidates, executives);
    }

    @Test
    void atEqualLoadTheBetterMatchWins() {
        List<Executive> executives = List.of(
                exec("a-none", 1, Set.of("SMB"), Set.of("APAC")),
                exec("b-region", 1, Set.of("SMB"), Set.of("EMEA")),
                exec("c-segment", 1, Set.of("ENT"), Set.of("APAC")),
                exec("d-both", 1, Set.of("ENT"), Set.of("EMEA")));
        List<Candidate> candidates = List.of(
                customer("first", 400).in("ENT", "EMEA").build(),
                customer("second", 300).in("ENT", "EMEA").build(),
                customer("third", 200).in("ENT", "EMEA").build(),
                customer("fourth", 100).in("ENT", "EMEA").build());
        CallPlan plan = plan(candidates, executives);

        assertEquals("d-both", callerOf(plan, "first"));
        assertEquals("c-segment", callerOf(plan, "second"));
        assertEquals("b-region", callerOf(plan, "third"));
        assertEquals("a-none", callerOf(plan, "fourth"));
        assertEquals(new Reason(null, 0, 1, Reason.Match.SEGMENT_AND_REGION), plan.assignments().get(0).reason());
        assertEquals(new Reason(null, 0, 2, Reason.Match.SEGMENT), plan.assignments().get(1).reason());
        assertEquals(new Reason(null, 0, 3, Reason.Match.REGION), plan.assignments().get(2).reason());
        assertEquals(new Reason(null, 0, 4, Reason.Match.NONE), plan.assignments().get(3).reason());
    }

    @Test
    void segmentAndRegionMatchIsCaseBlind() {
        List<Executive> executives = List.of(exec("a", 2), exec("b", 2, Set.of("enterprise"), Set.of(" emea")));
        CallPlan plan = plan(List.of(customer("x", 1).in("ENTERPRISE", "EMEA").build()), executives);
        assertEquals("b", callerOf(plan, "x"));
    }

    @Test
    void matchNeverBeatsTheEvenSpread() {
        Executive expert = exec("expert", 5, Set.of("ENT"), Set.of("EMEA"));
        Executive generalist = exec("generalist", 5);
        List<Candidate> candidates = IntStream.range(0, 4)
                .mapToObj(i -> customer("c" + i, 100 + i).in("ENT", "EMEA").build()).toList();
        CallPlan plan = plan(candidates, List.of(expert, generalist));
        assertEquals(Map.of("expert", 2, "generalist", 2), loads(plan));
    }

    @Test
    void forcedOwnerCallsAreBalancedAfterwards() {
        // "free" goes first to e1 by id; e1 then must take every customer e2 owns. The balancer hands "free" to e2.
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(customer("free", 9000).build());
        for (int i = 0; i < 4; i++) {
            candidates.add(customer("owned" + i, 100 + i).owner("Exec e2").build());
        }
        List<Executive> executives = List.of(exec("e1", 10), exec("e2", 10));
        CallPlan plan = plan(candidates, executives);

        assertEquals("e2", callerOf(plan, "free"));
        assertEquals(Map.of("e1", 4, "e2", 1), loads(plan));
        assertValid(plan, candidates, executives);
    }

    @Test
    void noExecutivesMeansNoCalls() {
        CallPlan plan = plan(List.of(customer("a", 1).build()), List.of());
        assertNull(callerOf(plan, "a"));
        assertEquals(Skip.NO_CAPACITY, reasonOf(plan, "a"));
    }
}
