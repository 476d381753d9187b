package io.lossreview.analyzer.defection.view;

import io.lossreview.analyzer.classify.Evidence;
import io.lossreview.analyzer.defection.AnalyzedDefection;
import io.lossreview.analyzer.defection.CauseSource;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.StatedReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A defection as ops read it: the figures, the verbatim stated reason, the cause with its evidence
 * and who decided it. {@code defection} (the full event, contact included) is set on the detail view only.
 */
public record DefectionView(UUID id, String customerId, String accountName, YearMonth lossMonth, boolean wonBack,
                            boolean voluntary, String segment, String region, String plan, String tenureBand,
                            int seats, BigDecimal mrrLost, BigDecimal arrLost, BigDecimal lifetimeValueLost,
                            boolean valuePending, StatedReason statedReason, String cause, String secondaryCause,
                            double confidence, CauseSource causeSource, int taxonomyVersion, boolean needsReview,
                            List<Evidence> evidence, String decidedBy, Instant decidedAt, DefectionChanged defection) {

    public static DefectionView of(AnalyzedDefection d, boolean withDocument) {
        DefectionChanged doc = d.document();
        var k = d.decision();
        return new DefectionView(d.id(), d.customerId(), doc.customer() == null ? null : doc.customer().accountName(),
                d.lossMonth(), d.wonBack(), d.voluntary(), d.segment(), d.region(), d.plan(), d.tenureBand(), d.seats(),
                d.mrr(), d.arr(), d.lifetimeValue(), d.valuePending(), doc.reason(), k.cause(), k.secondaryCause(),
                k.confidence(), k.source(), k.taxonomyVersion(), k.needsReview(), k.evidence(), k.decidedBy(),
                k.decidedAt(), withDocument ? doc : null);
    }
}
