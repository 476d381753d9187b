package io.lossreview.scheduler.calls.plan;

import java.math.BigDecimal;
import java.util.Comparator;

/** Who is worth a call first: highest ARR lost, pending values last, then ids so ties never depend on input order. */
final class Priority {

    static final Comparator<Candidate> ORDER = Comparator
            .comparing(Candidate::arrLost, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(Candidate::customerId, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Candidate::defectionId, Comparator.nullsLast(Comparator.<String>naturalOrder()));

    private Priority() {
    }
}
