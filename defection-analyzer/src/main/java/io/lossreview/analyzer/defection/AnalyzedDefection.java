package io.lossreview.analyzer.defection;

import io.lossreview.contracts.analysis.view.CauseSource;
import io.lossreview.analyzer.classify.Classification;
import io.lossreview.contracts.analysis.view.Evidence;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.DefectionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The analyzer's view of one defection: the latest revision ingest published, plus the cause and
 * who decided it. Amounts are null while the value is pending.
 */
public record AnalyzedDefection(
        UUID id,
        String customerId,
        int revision,
        YearMonth lossMonth,
        boolean wonBack,
        boolean voluntary,
        int seats,
        BigDecimal mrr,
        BigDecimal arr,
        BigDecimal lifetimeValue,
        boolean valuePending,
        String segment,
        String region,
        String plan,
        String tenureBand,
        Decision decision,
        DefectionChanged document) {

    /** The cause and where it came from. decidedBy/decidedAt are set for people's decisions. */
    public record Decision(String cause, String secondaryCause, double confidence, CauseSource source,
                           int taxonomyVersion, List<Evidence> evidence, boolean needsReview,
                           String decidedBy, Instant decidedAt) {

        public static Decision classified(Classification c, int taxonomyVersion, double reviewThreshold) {
            return new Decision(c.primaryCause(), c.secondaryCause(), c.confidence(), CauseSource.CLASSIFIER,
                    taxonomyVersion, c.evidence(), c.confidence() < reviewThreshold, null, null);
        }

        public static Decision byPerson(String cause, CauseSource source, int taxonomyVersion, String who,
                                        Instant when, String note) {
            return new Decision(cause, null, 1.0, source, taxonomyVersion,
                    List.of(new Evidence(source == CauseSource.CALL ? "call" : "manual",
                            note == null || note.isBlank() ? "set by " + who : "set by " + who + ": " + note)),
                    false, who, when);
        }

        /**
         * The same decision: cause, secondary cause, source, taxonomy version and decider alike, and the
         * confidence alike as stored (3 decimals). Evidence, the review flag and the time are not the decision:
         * the same text classified again, or an event replayed, decides nothing new.
         */
        public boolean sameAs(Decision other) {
            return other != null && Objects.equals(cause, other.cause) && Objects.equals(secondaryCause, other.secondaryCause)
                    && source == other.source && taxonomyVersion == other.taxonomyVersion
                    && Objects.equals(decidedBy, other.decidedBy) && sameConfidence(confidence, other.confidence);
        }

        // The stored side went through numeric(4,3); half a unit of the last digit covers how either side rounded.
        private static boolean sameConfidence(double a, double b) {
            return Math.abs(a - b) <= 0.0005 + 1e-9;
        }
    }

    public static AnalyzedDefection of(DefectionChanged d, Decision decision) {
        var v = d.value();
        boolean pending = v == null || v.valuePending() || v.arr() == null;
        return new AnalyzedDefection(UUID.fromString(d.defectionId()), d.customerId(), d.revision(), d.lossMonth(),
                d.status() == DefectionStatus.WON_BACK, d.voluntary(), d.seats(),
                pending ? null : v.mrr(), pending ? null : v.arr(), pending ? null : v.lifetimeValue(), pending,
                Dimensions.segment(d), Dimensions.region(d), Dimensions.plan(d), Dimensions.tenureBand(d),
                decision, d);
    }

    public AnalyzedDefection withDecision(Decision newDecision) {
        return new AnalyzedDefection(id, customerId, revision, lossMonth, wonBack, voluntary, seats, mrr, arr,
                lifetimeValue, valuePending, segment, region, plan, tenureBand, newDecision, document);
    }

    public String cause() {
        return decision.cause();
    }
}
