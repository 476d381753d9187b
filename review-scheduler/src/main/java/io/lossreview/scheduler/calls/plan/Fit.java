package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How one executive relates to customers: their own accounts (never assigned) and what they know.
 * The executive's names and knowledge are normalised once, since every placement asks every executive.
 */
record Fit(Executive executive, String nameKey, String emailKey, Set<String> segmentKeys, Set<String> regionKeys) {

    static final int BOTH = 3;
    static final int SEGMENT_ONLY = 2;
    static final int REGION_ONLY = 1;
    static final int NONE = 0;

    static Fit of(Executive executive) {
        return new Fit(executive, key(executive.name()), key(executive.email()), keys(executive.segments()),
                keys(executive.regions()));
    }

    /** The CRM writes the owner by hand, as a name or an e-mail, so compare trimmed and case-blind. */
    boolean owns(Candidate candidate) {
        String owner = key(candidate.accountOwner());
        return !owner.isEmpty() && (owner.equals(nameKey) || owner.equals(emailKey));
    }

    /** Both segment and region known &gt; segment only &gt; region only &gt; none. */
    int match(Candidate candidate) {
        boolean segment = segmentKeys.contains(key(candidate.segment()));
        boolean region = regionKeys.contains(key(candidate.region()));
        if (segment && region) {
            return BOTH;
        }
        return segment ? SEGMENT_ONLY : region ? REGION_ONLY : NONE;
    }

    /** Trimmed and lower-cased; null reads as empty. */
    static String key(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    /** Blank entries are dropped so that a blank segment never counts as known. */
    private static Set<String> keys(Set<String> values) {
        Set<String> keys = new HashSet<>();
        for (String value : values) {
            if (!key(value).isEmpty()) {
                keys.add(key(value));
            }
        }
        return keys;
    }
}
