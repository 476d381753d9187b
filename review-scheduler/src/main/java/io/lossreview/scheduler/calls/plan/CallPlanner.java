package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Picks which departing customers executives call this month and who calls whom. Pure and deterministic:
 * the same inputs in any list order give the same plan. Thread-safe (no state).
 *
 * <h2>Selection</h2>
 * <ol>
 * <li>Priority order: ARR lost, highest first; pending (null) ARR last; ties by customerId, then defectionId.</li>
 * <li>Excluded, first matching reason wins: {@code do-not-contact} (on any defection of the customer),
 *     {@code won-back}, {@code no-contact-data}, {@code called-recently} (last call at or after
 *     {@code now} minus {@code recentCallWindow}, on the UTC calendar), {@code involuntary} (unless
 *     {@code includeInvoluntary}). One call per customer: lower-ranked defections of an already kept
 *     customer are {@code duplicate-customer}.</li>
 * <li>Slots = sum of capacity of active executives (capacity &le; 0 counts as 0). No slots at all:
 *     every eligible candidate is {@code no-capacity}.</li>
 * <li>Coverage: the first {@code causesToCover} distinct entries of {@code topCauses} (compared trimmed,
 *     case-blind) that have an eligible candidate each reserve their highest-priority candidate, in
 *     topCauses order, while slots remain. Then the remaining slots go by priority; the rest are
 *     {@code not-selected}.</li>
 * <li>Each pick is placed at once (below). One that cannot be placed is {@code owner-conflict}; for a
 *     coverage pick the cause's next candidate is tried, otherwise the next candidate by priority takes the slot.</li>
 * </ol>
 *
 * <h2>Assignment</h2>
 * <ol>
 * <li>Only active executives with capacity; never more calls than capacity.</li>
 * <li>Never the customer's own account owner: accountOwner equals the executive's name or e-mail,
 *     both trimmed, case-blind.</li>
 * <li>Load first, then match: among executives who can take the call, the least loaded; among equal
 *     loads the best match (segment and region &gt; segment &gt; region &gt; none); then the lowest id.
 *     So the segment/region preference decides within a load level, never against the even spread.</li>
 * <li>When only the owner has spare capacity, one exchange is tried: a full non-owner (best match
 *     first) hands one of their calls (lowest priority first) to whoever can take it, then takes this one.</li>
 * <li>Finally {@link LoadBalancer} moves calls until, for any executives A and B where B has spare
 *     capacity and may take one of A's calls, load(A) - load(B) &le; 1.</li>
 * </ol>
 * Assignments come in call order (coverage picks, then by priority); skips in priority order.
 */
public final class CallPlanner {

    /**
     * @param topCauses the month's causes ranked by ARR lost, best first; null reads as none
     * @param rules     null reads as {@link PlanRules#defaults()}
     */
    public CallPlan plan(List<Candidate> candidates, List<Executive> executives, List<String> topCauses,
                         PlanRules rules, Instant now) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(executives, "executives");
        Objects.requireNonNull(now, "now");
        PlanRules effective = rules == null ? PlanRules.defaults() : rules;

        CandidateScreen.Screened screened = CandidateScreen.screen(candidates, effective, now);
        List<Candidate> eligible = screened.eligible();
        List<Skip> skipped = new ArrayList<>(screened.skipped());
        Roster roster = Roster.of(executives);
        Map<Candidate, String> coveredCause = new IdentityHashMap<>();
        Set<Candidate> decided = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Candidate> placed = new ArrayList<>();

        for (String cause : causesToCover(topCauses, effective.causesToCover(), eligible)) {
            for (Candidate candidate : eligible) {
                if (roster.full()) {
                    break;
                }
                if (!Fit.key(candidate.cause()).equals(cause)) {
                    continue;
                }
                decided.add(candidate);
                if (roster.place(candidate)) {
                    placed.add(candidate);
                    coveredCause.put(candidate, candidate.cause().trim());
                    break;
                }
                skipped.add(new Skip(candidate, Skip.OWNER_CONFLICT));
            }
        }
        for (Candidate candidate : eligible) {
            if (decided.contains(candidate)) {
                continue;
            }
            if (roster.full()) {
                String reason = roster.totalCapacity() == 0 ? Skip.NO_CAPACITY : Skip.NOT_SELECTED;
                skipped.add(new Skip(candidate, reason));
            } else if (roster.place(candidate)) {
                placed.add(candidate);
            } else {
                skipped.add(new Skip(candidate, Skip.OWNER_CONFLICT));
            }
        }
        LoadBalancer.balance(roster);
        return new CallPlan(assignments(placed, eligible, coveredCause, causeRanks(topCauses), roster), byPriority(skipped));
    }

    /** The first N distinct causes of the ranking, as keys, that have at least one eligible candidate. */
    private static List<String> causesToCover(List<String> topCauses, int count, List<Candidate> eligible) {
        Set<String> top = new LinkedHashSet<>();
        for (String cause : topCauses == null ? List.<String>of() : topCauses) {
            if (top.size() == count) {
                break;
            }
            if (!Fit.key(cause).isEmpty()) {
                top.add(Fit.key(cause));
            }
        }
        Set<String> present = new LinkedHashSet<>();
        for (Candidate candidate : eligible) {
            present.add(Fit.key(candidate.cause()));
        }
        top.retainAll(present);
        return List.copyOf(top);
    }

    /** Each cause's 1-based place in the ranking, as a key; a cause listed twice keeps its first place. */
    private static Map<String, Integer> causeRanks(List<String> topCauses) {
        Map<String, Integer> ranks = new HashMap<>();
        for (String cause : topCauses == null ? List.<String>of() : topCauses) {
            if (!Fit.key(cause).isEmpty()) {
                ranks.putIfAbsent(Fit.key(cause), ranks.size() + 1);
            }
        }
        return ranks;
    }

    private static List<PlannedCall> assignments(List<Candidate> placed, List<Candidate> eligible,
                                                Map<Candidate, String> coveredCause, Map<String, Integer> causeRanks,
                                                Roster roster) {
        Map<Candidate, Integer> rank = new IdentityHashMap<>();
        for (int i = 0; i < eligible.size(); i++) {
            rank.put(eligible.get(i), i + 1);
        }
        List<PlannedCall> assignments = new ArrayList<>();
        for (Candidate candidate : placed) {
            int holder = roster.holderOf(candidate);
            String covered = coveredCause.get(candidate);
            Reason reason = new Reason(covered, covered == null ? 0 : causeRanks.getOrDefault(Fit.key(covered), 0),
                    rank.get(candidate), match(roster.fit(holder).match(candidate)));
            assignments.add(new PlannedCall(candidate, roster.executive(holder), reason));
        }
        return assignments;
    }

    private static Reason.Match match(int fit) {
        return switch (fit) {
            case Fit.BOTH -> Reason.Match.SEGMENT_AND_REGION;
            case Fit.SEGMENT_ONLY -> Reason.Match.SEGMENT;
            case Fit.REGION_ONLY -> Reason.Match.REGION;
            default -> Reason.Match.NONE;
        };
    }

    private static List<Skip> byPriority(List<Skip> skipped) {
        List<Skip> sorted = new ArrayList<>(skipped);
        sorted.sort((a, b) -> Priority.ORDER.compare(a.candidate(), b.candidate()));
        return sorted;
    }
}
