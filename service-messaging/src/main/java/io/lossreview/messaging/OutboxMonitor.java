package io.lossreview.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox's backlog: unsent rows and the age of the oldest, as metrics, and readiness DOWN when
 * the oldest waits longer than {@code loss.outbox.max-age} (the relay cannot publish).
 */
@Readiness
@ApplicationScoped
public class OutboxMonitor implements HealthCheck {

    private static final String BACKLOG = """
            select count(*), min(created_at) from outbox where sent_at is null""";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Duration maxAge;
    private volatile long backlog;
    private volatile Instant oldest;
    private volatile String error;

    public OutboxMonitor(AgroalDataSource dataSource, Clock clock, MeterRegistry registry,
                         OutboxSettings settings) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxAge = settings.maxAge();
        Gauge.builder("loss.outbox.backlog", this, m -> m.backlog).description("Outbox rows not yet published")
                .register(registry);
        Gauge.builder("loss.outbox.oldest.age", this, m -> m.oldestAge().toMillis() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row (0 when none waits)").register(registry);
    }

    @Scheduled(every = "${loss.outbox.monitor-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(BACKLOG)) {
            rs.next();
            backlog = rs.getLong(1);
            Timestamp at = rs.getTimestamp(2);
            oldest = at == null ? null : at.toInstant();
            error = null;
        } catch (SQLException | RuntimeException e) {
            error = String.valueOf(e.getMessage()); // the database's own check says it is down
        }
    }

    Duration oldestAge() {
        Instant o = oldest;
        return o == null ? Duration.ZERO : Duration.between(o, clock.instant());
    }

    @Override
    public HealthCheckResponse call() {
        Duration age = oldestAge();
        HealthCheckResponseBuilder r = HealthCheckResponse.named("Outbox").withData("backlog", backlog)
                .withData("oldestAgeSeconds", age.toSeconds()).up();
        if (age.compareTo(maxAge) > 0) {
            r.down().withData("reason", "the oldest unpublished event has waited " + age.toSeconds()
                    + " s (more than " + maxAge.toSeconds() + " s): the relay cannot publish");
        }
        if (error != null) {
            r.withData("lastError", error);
        }
        return r.build();
    }
}
