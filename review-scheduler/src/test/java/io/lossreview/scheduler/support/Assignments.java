package io.lossreview.scheduler.support;

import io.lossreview.scheduler.calls.Brief;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Stores an open assignment directly, as a packet build would have (the analyzer is not running in these tests). */
public final class Assignments {

    private Assignments() {
    }

    public static CallAssignment open(CallAssignmentRepository store, String executiveId, String customerId, String owner,
                                      LocalDate due) {
        CallAssignment a = CallAssignment.assigned(YearMonth.from(due.minusMonths(1)), UUID.randomUUID(),
                customerId, executiveId, "Top ARR loss", brief(customerId, owner, due), Instant.now(), due, null);
        QuarkusTransaction.requiringNew().run(() -> store.insert(List.of(a)));
        return a;
    }

    /** A brief for an account worth 1,200 ARR. */
    public static Brief brief(String customerId, String owner, LocalDate due) {
        return new Brief(customerId, "Account " + customerId, null, "SMB", "EMEA", null, null, 12,
                new BigDecimal("100.00"), new BigDecimal("1200.00"), null, "pro", 3, null, "PRICE", 7, null,
                due.minusDays(30), List.of(), owner);
    }
}
