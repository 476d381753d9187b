package io.lossreview.simulator;

import io.lossreview.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Generates a stream and its expected figures. Pure and deterministic: the same config gives byte-identical output. */
public final class Simulation {

    /** Publish order is sorted on one long per record: seconds since the origin, then generation order (34 bits). */
    private static final int SEQ_BITS = 34;

    private Simulation() {
    }

    public static SimulatedStream generate(SimulationConfig config) {
        // Separate generators per concern: e.g. a different malformed rate must not change the customers.
        Rand root = new Rand(config.seed());
        Rand fxRand = root.child();
        Rand customerRand = root.child();
        Rand eventRand = root.child();
        Rand noiseRand = root.child();

        FxTable fx = FxTable.generate(config, fxRand);
        Episodes episodes = new Episodes(config, Phrases.get());
        Set<String> customerIds = new HashSet<>();
        List<ExpectedCalculator.Loss> losses = new ArrayList<>();
        Timeline timeline = new Timeline(config.monthStart(config.firstMonth().minusMonths(3)));
        long valid = 0;
        long duplicates = 0;
        long malformed = 0;
        long reactivations = 0;
        long wonBack = 0;
        for (int m = 0; m < config.months(); m++) {
            YearMonth month = config.firstMonth().plusMonths(m);
            double[] mix = CauseMix.weights(m, config.months());
            for (int c = 0; c < config.customersPerMonth(); c++) {
                Rand r = customerRand.child(); // one generator per customer: its data does not depend on earlier ones' draws
                Profile profile = Profile.next(r, customerIds);
                Cause cause = Cause.values()[r.weighted(mix)];
                Episode episode = episodes.create(profile, cause, month, r);
                ExpectedCalculator.Loss loss = ExpectedCalculator.loss(episode, fx, config);
                losses.add(loss);
                wonBack += loss.wonBack() ? 1 : 0;
                for (Episode.Outgoing out : episode.outgoing()) {
                    CloudEvents.Draft draft = CloudEvents.draft(out, profile.customerId(), eventRand);
                    SimEvent event = draft.render(SimEvent.Kind.VALID);
                    timeline.add(out.publishAt(), event);
                    valid++;
                    reactivations += out.topic().equals(Topics.BILLING_SUBSCRIPTION_REACTIVATED) ? 1 : 0;
                    if (noiseRand.chance(config.duplicateRate())) { // a redelivery: same bytes, later
                        Instant again = out.publishAt().plus(noiseRand.seconds(Duration.ofHours(1), Duration.ofDays(3)));
                        timeline.add(again, new SimEvent(event.topic(), event.key(), event.headers(), event.value(), SimEvent.Kind.DUPLICATE));
                        duplicates++;
                    }
                    if (noiseRand.chance(config.malformedRate())) {
                        Instant at = out.publishAt().plus(noiseRand.seconds(Duration.ofMinutes(1), Duration.ofDays(2)));
                        timeline.add(at, Malformer.corrupt(draft, config.streamEnd(), noiseRand));
                        malformed++;
                    }
                }
            }
        }
        List<SimEvent> events = timeline.sorted();
        ExpectedFigures.Counts counts = new ExpectedFigures.Counts(events.size(), valid, duplicates, malformed, reactivations, wonBack);
        ExpectedFigures expected = new ExpectedFigures(config.seed(), config.reportingCurrency(), config.zone().getId(),
                ExpectedCalculator.months(losses, config), counts);
        return new SimulatedStream(events, fx.rates(), expected);
    }

    /** Records with their publish instants; sorting a long[] keeps a million-record stream cheap. */
    private static final class Timeline {
        private final long origin;
        private final List<SimEvent> events = new ArrayList<>();
        private long[] keys = new long[1024];

        Timeline(Instant origin) {
            this.origin = origin.getEpochSecond();
        }

        void add(Instant publishAt, SimEvent event) {
            long seconds = publishAt.getEpochSecond() - origin;
            long seq = events.size();
            if (seconds < 0 || seconds >= 1L << (63 - SEQ_BITS) || seq >= 1L << SEQ_BITS) {
                throw new IllegalStateException("publish instant " + publishAt + " or record count " + seq + " out of range");
            }
            if (seq == keys.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            keys[(int) seq] = seconds << SEQ_BITS | seq;
            events.add(event);
        }

        /** By publish second, ties in generation order. */
        List<SimEvent> sorted() {
            long[] order = Arrays.copyOf(keys, events.size());
            Arrays.sort(order);
            List<SimEvent> result = new ArrayList<>(order.length);
            for (long key : order) {
                result.add(events.get((int) (key & ((1L << SEQ_BITS) - 1))));
            }
            return result;
        }
    }
}
