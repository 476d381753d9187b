package io.lossreview.scheduler.defection;

import io.lossreview.contracts.defection.DefectionChanged;
import java.time.Instant;

/** A defection as the scheduler knows it: the newest revision churn-ingest published. */
public record KnownDefection(DefectionChanged data, Instant wonBackAt) {

    public boolean hasContact() {
        var c = data.contact();
        return c != null && (notBlank(c.email()) || notBlank(c.phone()));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
