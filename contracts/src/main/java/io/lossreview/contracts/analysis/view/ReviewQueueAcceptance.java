package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * What {@code POST /review-queue/accept} did: each queued defection's suggested cause became a person's decision.
 *
 * @param outcomes one per distinct id asked for, in the order asked
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewQueueAcceptance(int accepted, int alreadyDecided, int notFound, List<Outcome> outcomes) {

    /** At most this many ids per request. */
    public static final int MAX_IDS = 200;

    public static ReviewQueueAcceptance of(List<Outcome> outcomes) {
        return new ReviewQueueAcceptance(count(outcomes, Status.ACCEPTED), count(outcomes, Status.ALREADY_DECIDED),
                count(outcomes, Status.NOT_FOUND), List.copyOf(outcomes));
    }

    private static int count(List<Outcome> outcomes, Status status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** What happened to one defection. */
    public enum Status {
        /** It was in the queue: its suggested cause is now the caller's decision. */
        ACCEPTED,
        /** It was not in the queue (any more): a person decided it, or it never needed review. Left as it is. */
        ALREADY_DECIDED,
        /** No such defection. */
        NOT_FOUND
    }

    /**
     * @param cause the decided cause now (ACCEPTED, ALREADY_DECIDED); null when not found
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Outcome(UUID id, Status status, String cause) {
    }
}
