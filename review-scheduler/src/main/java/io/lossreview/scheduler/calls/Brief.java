package io.lossreview.scheduler.calls;

import io.lossreview.contracts.Contact;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.StatedReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an executive reads before the call: who, how to reach them, what they were worth, and why
 * they say they left, verbatim. Frozen with the assignment.
 *
 * @param history      earlier executive calls to this customer, newest first
 * @param accountOwner who owned the account (never the caller: see CallPlanner)
 */
public record Brief(String customerId, String accountName, Contact contact, String segment, String region,
                    String industry, LocalDate customerSince, Integer tenureMonths, BigDecimal mrrLost,
                    BigDecimal arrLost, BigDecimal lifetimeValueLost, String plan, int seats,
                    StatedReason statedReason, String classifiedCause, Integer lastNps, String competitor,
                    LocalDate lossDate, List<String> history, String accountOwner) {

    public static Brief of(DefectionChanged d, String cause, List<String> history) {
        var p = d.customer();
        var v = d.value();
        boolean valued = v != null && !v.valuePending();
        String plan = d.subscriptions() == null || d.subscriptions().isEmpty() ? null : d.subscriptions().get(0).plan();
        return new Brief(d.customerId(), p == null ? null : p.accountName(), d.contact(),
                p == null || p.segment() == null ? null : p.segment().name(), p == null ? null : p.region(),
                p == null ? null : p.industry(), p == null ? null : p.customerSince(), p == null ? null : p.tenureMonths(),
                valued ? v.mrr() : null, valued ? v.arr() : null, valued ? v.lifetimeValue() : null, plan, d.seats(),
                d.reason(), cause, d.lastNps(), d.reason() == null ? null : d.reason().competitor(), d.lossDate(), history,
                p == null ? null : p.accountOwner());
    }
}
