package io.lossreview.analyzer.defection;

import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.contracts.defection.DefectionChanged;

/** A stored defection as the contract's view. */
public final class DefectionViews {

    private DefectionViews() {
    }

    /** {@code withDocument}: the full event (contact included), for the detail view only. */
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
