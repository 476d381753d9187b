package io.lossreview.scheduler.calls.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Applies the exclusion rules and keeps one defection per customer. */
final class CandidateScreen {

    /** Eligible candidates in priority order, and the excluded ones with their reason. */
    record Screened(List<Candidate> eligible, List<Skip> skipped) {
    }

    private CandidateScreen() {
    }

    static Screened screen(List<Candidate> candidates, PlanRules rules, Instant now) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Priority.ORDER);
        // A do-not-contact flag on any defection protects the whole customer.
        Set<String> doNotContact = new HashSet<>();
        for (Candidate candidate : sorted) {
            if (candidate.doNotContact()) {
                doNotContact.add(customerKey(candidate));
            }
        }
        // Period has months; Instant cannot subtract months, so step back on the UTC calendar.
        Instant recentSince = now.atOffset(ZoneOffset.UTC).minus(rules.recentCallWindow()).toInstant();
        List<Candidate> eligible = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (Candidate candidate : sorted) {
            String reason = doNotContact.contains(customerKey(candidate))
                    ? Skip.DO_NOT_CONTACT
                    : exclusion(candidate, rules, recentSince);
            if (reason == null && !kept.add(customerKey(candidate))) {
                reason = Skip.DUPLICATE_CUSTOMER;
            }
            if (reason == null) {
                eligible.add(candidate);
            } else {
                skipped.add(new Skip(candidate, reason));
            }
        }
        return new Screened(eligible, skipped);
    }

    /** The first rule that excludes the candidate, in the spec's order, or null. */
    private static String exclusion(Candidate candidate, PlanRules rules, Instant recentSince) {
        if (candidate.wonBack()) {
            return Skip.WON_BACK;
        }
        if (!candidate.hasContact()) {
            return Skip.NO_CONTACT_DATA;
        }
        // Inclusive: a call exactly one window ago still counts as recent; a future date (clock skew) too.
        if (candidate.lastCalledAt() != null && !candidate.lastCalledAt().isBefore(recentSince)) {
            return Skip.CALLED_RECENTLY;
        }
        if (!candidate.voluntary() && !rules.includeInvoluntary()) {
            return Skip.INVOLUNTARY;
        }
        return null;
    }

    private static String customerKey(Candidate candidate) {
        return candidate.customerId() != null ? "c:" + candidate.customerId() : "d:" + candidate.defectionId();
    }
}
