package io.lossreview.analyzer.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.simulator.ExpectedFigures;
import io.lossreview.simulator.SimEvent;
import io.lossreview.simulator.SimulatedStream;
import io.lossreview.simulator.Simulation;
import io.lossreview.simulator.SimulationConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lost customers from the simulator with their true cause, through its public API only: a simulation of one
 * customer in one month has one loss, and the expected figures' per-cause counts say which cause it had. The input
 * is built the way churn-ingest builds a defection: the first reason code of the billing cancellations by time and
 * every distinct comment of them, one a line, the CRM's code, notes and competitor, involuntary only when every cancellation was.
 */
final class SimulatedEpisodes {

    record Episode(String trueCause, ClassificationInput input) {
    }

    private static final ObjectMapper JSON = ContractJson.mapper();
    private static final YearMonth MONTH = YearMonth.of(2025, 3);

    private SimulatedEpisodes() {
    }

    /** Episodes for seeds first..first+count-1; won-back customers (not counted as lost) are left out. */
    static List<Episode> generate(long firstSeed, int count) {
        List<Episode> episodes = new ArrayList<>(count);
        for (long seed = firstSeed; seed < firstSeed + count; seed++) {
            SimulatedStream stream = Simulation.generate(SimulationConfig.defaults(seed, MONTH, 1, 1));
            trueCause(stream.expected()).ifPresent(cause -> episodes.add(new Episode(cause, input(stream.events()))));
        }
        return episodes;
    }

    private static Optional<String> trueCause(ExpectedFigures expected) {
        return expected.months().get(0).byCause().entrySet().stream()
                .filter(e -> e.getValue().customers() == 1).map(java.util.Map.Entry::getKey).findFirst();
    }

    private static ClassificationInput input(List<SimEvent> events) {
        List<SubscriptionCancelled> subs = new ArrayList<>();
        AccountChurned crm = null;
        for (SimEvent event : events) {
            if (event.kind() != SimEvent.Kind.VALID) {
                continue;
            }
            if (event.topic().equals(Topics.BILLING_SUBSCRIPTION_CANCELLED)) {
                subs.add(data(event, SubscriptionCancelled.class));
            } else if (event.topic().equals(Topics.CRM_ACCOUNT_CHURNED)) {
                crm = data(event, AccountChurned.class);
            }
        }
        subs.sort(Comparator.comparing(SubscriptionCancelled::cancelledAt));
        boolean voluntary = subs.isEmpty() || subs.stream().anyMatch(SubscriptionCancelled::voluntaryOrDefault);
        String comments = subs.stream().map(SubscriptionCancelled::comment).filter(c -> c != null && !c.isBlank())
                .map(String::strip).distinct().reduce((a, b) -> a + "\n" + b).orElse(null);
        return new ClassificationInput(first(subs, SubscriptionCancelled::reasonCode), comments,
                crm == null ? null : crm.reasonCode(), crm == null ? null : crm.statedReason(),
                crm == null ? null : crm.competitor(), voluntary);
    }

    /** Structured CloudEvents carry the record under "data"; binary ones are the record itself. */
    private static <T> T data(SimEvent event, Class<T> type) {
        try {
            JsonNode value = JSON.readTree(event.value());
            return JSON.treeToValue(value.has("specversion") ? value.get("data") : value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String first(List<SubscriptionCancelled> subs, Function<SubscriptionCancelled, String> field) {
        return subs.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
