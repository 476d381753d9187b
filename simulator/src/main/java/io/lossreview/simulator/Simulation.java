package io.lossreview.simulator;

import io.lossreview.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        List<Episode> lost = new ArrayList<>();
        List<ExpectedCalculator.Loss> losses = new ArrayList<>();
        Emitter emitter = new Emitter(config, new Timeline(config.monthStart(config.firstMonth().minusMonths(3))), eventRand, noiseRand);
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
                lost.add(episode);
                losses.add(loss);
                wonBack += loss.wonBack() ? 1 : 0;
                episode.outgoing().forEach(out -> emitter.emit(out, profile.customerId()));
            }
        }
        List<ExpectedFigures.MonthFigures> months = ExpectedCalculator.months(losses, config);
        List<CustomerBase.BalanceLine> balance = List.of();
        if (config.baseCustomers() > 0) {
            // Its own generators, drawn after the losses': the lost customers are the same with or without a base.
            Rand baseRand = root.child();
            CustomerBase.Generated base = CustomerBase.generate(config, lost, customerIds, baseRand.child());
            emitter.useRands(baseRand.child(), baseRand.child());
            base.events().forEach(e -> emitter.emit(e.out(), e.customerId()));
            balance = base.balance();
            months = withBase(config, fx, balance, emitter.records, losses, months);
        }
        List<SimEvent> events = emitter.timeline.sorted();
        ExpectedFigures.Counts counts = new ExpectedFigures.Counts(events.size(), emitter.valid, emitter.duplicates,
                emitter.malformed, emitter.reactivations, wonBack);
        ExpectedFigures expected = new ExpectedFigures(config.seed(), config.reportingCurrency(), config.zone().getId(),
                months, counts);
        return new SimulatedStream(events, fx.rates(), expected, balance);
    }

    private static List<ExpectedFigures.MonthFigures> withBase(SimulationConfig config, FxTable fx,
                                                               List<CustomerBase.BalanceLine> balance, List<Object> records,
                                                               List<ExpectedCalculator.Loss> losses,
                                                               List<ExpectedFigures.MonthFigures> months) {
        List<ExpectedBase.Fact> facts = ExpectedBase.facts(config, balance, records);
        Set<String> known = ExpectedBase.known(facts);
        Map<YearMonth, Long> unknown = losses.stream().filter(l -> !known.contains(l.customerId()))
                .collect(Collectors.groupingBy(ExpectedCalculator.Loss::month, Collectors.counting()));
        Map<YearMonth, ExpectedFigures.BaseFigures> bases = ExpectedBase.months(config, fx, facts, unknown);
        return months.stream().map(m -> m.withBase(bases.get(YearMonth.parse(m.month())))).toList();
    }

    /** Renders records, adds redeliveries and malformed copies, and keeps every valid record's data for the truth. */
    private static final class Emitter {
        final SimulationConfig config;
        final Timeline timeline;
        final List<Object> records = new ArrayList<>();
        Rand eventRand;
        Rand noiseRand;
        long valid;
        long duplicates;
        long malformed;
        long reactivations;

        Emitter(SimulationConfig config, Timeline timeline, Rand eventRand, Rand noiseRand) {
            this.config = config;
            this.timeline = timeline;
            this.eventRand = eventRand;
            this.noiseRand = noiseRand;
        }

        /** Goes on with other generators: what came before draws the same whatever follows. */
        void useRands(Rand events, Rand noise) {
            eventRand = events;
            noiseRand = noise;
        }

        void emit(Episode.Outgoing out, String customerId) {
            CloudEvents.Draft draft = CloudEvents.draft(out, customerId, eventRand);
            SimEvent event = draft.render(SimEvent.Kind.VALID);
            timeline.add(out.publishAt(), event);
            records.add(out.data());
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
