package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A customer's whole story ({@code GET /customers/{customerId}}): every defection the analyzer knows of them, all
 * episodes and months, newest first, each as the detail view (stated reasons verbatim, evidence, the full defection
 * with its contact) with the history of its cause. Name, segment, region and plan are the newest ones the
 * defections say (UNKNOWN where none does; accountName null then).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerStory(String customerId, String accountName, String segment, String region, String plan,
                            List<Episode> defections) {

    /** At most this many defections are told, the newest. */
    public static final int MAX_DEFECTIONS = 500;
    /** At most this many decisions per defection, the newest (the history is kept whole). */
    public static final int MAX_DECISIONS = 1000;

    /** One defection with its cause history, oldest decision first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Episode(DefectionView defection, List<CauseDecision> causeHistory) {
    }
}
