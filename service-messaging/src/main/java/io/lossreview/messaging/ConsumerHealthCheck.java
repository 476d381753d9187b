package io.lossreview.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN, with the reason, when work stops: a consumer thread that has lag and made no progress for
 * {@code loss.consumer.stall-after}, one that failed its batch {@code loss.consumer.failures-down}
 * times in a row, or one that stopped. A stalled pipeline must never look healthy.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    private final Consumers consumers;
    private final ConsumerLag lag;
    private final Duration stallAfter;
    private final int failuresDown;

    public ConsumerHealthCheck(Consumers consumers, ConsumerLag lag, ConsumerSettings settings) {
        this.consumers = consumers;
        this.lag = lag;
        this.stallAfter = settings.stallAfter();
        this.failuresDown = settings.failuresDown();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumers").up();
        List<String> problems = new ArrayList<>();
        for (ConsumerState s : consumers.states()) {
            long waiting = lag.total(s.topics());
            response.withData(s.consumer() + ".lag", waiting);
            String problem = problem(s, waiting);
            if (problem != null) {
                problems.add(s.thread() + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            response.down().withData("reason", String.join("; ", problems));
        }
        return response.build();
    }

    private String problem(ConsumerState s, long waiting) {
        if (s.isStopped()) {
            return "the consumer thread has stopped";
        }
        if (s.consecutiveFailures() >= failuresDown) {
            return "the same batch failed " + s.consecutiveFailures() + " times in a row, last: " + s.lastFailure();
        }
        Duration since = s.sinceProgress();
        if (waiting > 0 && since.compareTo(stallAfter) > 0) {
            return "no progress for " + since.toSeconds() + " s with " + waiting + " records waiting";
        }
        return null;
    }
}
