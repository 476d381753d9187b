package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;
import static io.lossreview.scheduler.calls.plan.CandidateBuilder.customer;
import static io.lossreview.scheduler.calls.plan.PlanChecks.NOW;
import static io.lossreview.scheduler.calls.plan.PlanChecks.callerOf;
import static io.lossreview.scheduler.calls.plan.PlanChecks.exec;
import static io.lossreview.scheduler.calls.plan.PlanChecks.reasonOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each of the month's top causes gets at least one call, even when its losses are small. */
class CallPlanCoverageTest {

    private static final List<String> TOP = List.of("PRICE", "PRODUCT", "SUPPORT", "COMPETITOR", "BUDGET", "MERGER");

    private static List<Candidate> manyPriceLossesAndOneSmallSupportLoss() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            candidates.add(customer("price" + i, 100_000 + i).cause("PRICE").build());
        }
        candidates.add(customer("support", 500).cause("SUPPORT").build());
        return candidates;
    }

    private static CallPlan plan(List<Candidate> candidates, List<Executive> executives, List<String> top) {
        return new CallPlanner().plan(candidates, executives, top, PlanRules.defaults(), NOW);
    }

    @Test
    void lowArrCauseGetsACallWhileHigherArrCustomersAreLeftOut() {
        CallPlan plan = plan(manyPriceLossesAndOneSmallSupportLoss(), List.of(exec("e1", 3)), TOP);

        assertNotNull(callerOf(plan, "support"));
        assertEquals(List.of("price5", "support", "price4"),
                plan.assignments().stream().map(a -> a.candidate().customerId()).toList());
        assertEquals(Skip.NOT_SELECTED, reasonOf(plan, "price3"));
        // SUPPORT is third in TOP; the customer is seventh of seven by ARR.
        assertEquals(new Reason("SUPPORT", 3, 7, Reason.Match.NONE), plan.assignments().get(1).reason());
    }

    @Test
    void withoutCoverageTheSmallLossIsRankedOut() {
        PlanRules noCoverage = new PlanRules(false, Period.ofMonths(12), 0);
        CallPlan plan = new CallPlanner().plan(manyPriceLossesAndOneSmallSupportLoss(), List.of(exec("e1", 3)),
                TOP, noCoverage, NOW);
        assertEquals(Skip.NOT_SELECTED, reasonOf(plan, "support"));
    }

    @Test
    void onlyTheFirstNCausesAreCovered() {
        List<Candidate> candidates = new ArrayList<>(manyPriceLossesAndOneSmallSupportLoss());
        candidates.add(customer("merger", 10).cause("MERGER").build());
        CallPlan plan = plan(candidates, List.of(exec("e1", 4)), TOP);
        // MERGER is sixth in the ranking: not covered, ranked out by ARR.
        assertEquals(Skip.NOT_SELECTED, reasonOf(plan, "merger"));
        assertNotNull(callerOf(plan, "support"));
    }

    @Test
    void causesWithoutEligibleCandidatesReserveNothing() {
        List<Candidate> candidates = new ArrayList<>(manyPriceLossesAndOneSmallSupportLoss());
        candidates.add(customer("product", 50).cause("PRODUCT").wonBack().build());
        CallPlan plan = plan(candidates, List.of(exec("e1", 3)), TOP);
        assertEquals(Skip.WON_BACK, reasonOf(plan, "product"));
        assertEquals(3, plan.assignments().size());
        assertEquals(2, plan.assignments().stream().filter(a -> a.candidate().cause().equals("PRICE")).count());
    }

    @Test
    void fewerSlotsThanCausesCoverTheHighestRankedCausesFirst() {
        List<Candidate> candidates = List.of(
                customer("budget", 900).cause("BUDGET").build(),
                customer("support", 10).cause("SUPPORT").build(),
                customer("product", 20).cause("PRODUCT").build());
        CallPlan plan = plan(candidates, List.of(exec("e1", 2)), TOP);
        assertEquals(List.of("product", "support"),
                plan.assignments().stream().map(a -> a.candidate().customerId()).toList());
        assertEquals(Skip.NOT_SELECTED, reasonOf(plan, "budget"));
    }

    @Test
    void causeNamesMatchTrimmedAndCaseBlind() {
        List<Candidate> candidates = new ArrayList<>(manyPriceLossesAndOneSmallSupportLoss());
        CallPlan plan = plan(candidates, List.of(exec("e1", 2)), List.of(" support ", "Price"));
        assertEquals("SUPPORT", plan.assignments().get(0).reason().coveredCause());
        assertEquals(1, plan.assignments().get(0).reason().causeRank(), "first in ' support ', 'Price'");
    }

    @Test
    void coveragePickBlockedByItsOwnerFallsBackToTheCausesNextCandidate() {
        Executive only = exec("e1", 2);
        List<Candidate> candidates = List.of(
                customer("support-own", 900).cause("SUPPORT").owner("e1@example.com").build(),
                customer("support-next", 800).cause("SUPPORT").build(),
                customer("price", 100_000).cause("PRICE").build());
        CallPlan plan = plan(candidates, List.of(only), List.of("SUPPORT"));
        assertEquals(Skip.OWNER_CONFLICT, reasonOf(plan, "support-own"));
        assertEquals(List.of("support-next", "price"),
                plan.assignments().stream().map(a -> a.candidate().customerId()).toList());
    }
}
