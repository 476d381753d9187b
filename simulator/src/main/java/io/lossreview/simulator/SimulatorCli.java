package io.lossreview.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lossreview.contracts.ContractJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code java -jar simulator.jar}: generate a stream, write the expected figures, publish it. */
@Command(name = "simulator", mixinStandardHelpOptions = true, subcommands = {VerifyAnalysisCommand.class, VerifyPacketCommand.class, RawDrainCommand.class}, version = "Loss Review simulator 1.0",
        description = "Publishes a deterministic billing/CRM churn stream and writes the figures the platform must report.")
public final class SimulatorCli implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same stream (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--from", converter = MonthConverter.class, description = "First month, yyyy-MM (default: 12 months before the current month).")
    YearMonth from;
    @Option(names = "--months", defaultValue = "12", description = "Number of months (default ${DEFAULT-VALUE}).")
    int months;
    @Option(names = "--customers-per-month", defaultValue = "300", description = "Lost customers per month (default ${DEFAULT-VALUE}).")
    int customersPerMonth;
    @Option(names = "--base-customers", defaultValue = "0", description = "Customers active on the first day of the first month:"
            + " simulates the customer base around the losses (new customers, expansions, contractions, one of several subscriptions"
            + " cancelled) and writes its opening balance with --balance-out, which must be loaded before the stream"
            + " (default ${DEFAULT-VALUE}: losses only, no base).")
    int baseCustomers;
    @Option(names = "--balance-out", description = "Write the opening balance (CSV for PUT /subscriptions/opening-balance?asOf=<first month>-01) here.")
    Path balanceOut;
    @Option(names = "--reporting-currency", defaultValue = "USD", description = "USD, EUR, GBP or CAD (default ${DEFAULT-VALUE}).")
    String reportingCurrency;
    @Option(names = "--zone", defaultValue = "UTC", converter = ZoneConverter.class, description = "Time zone of the loss months (default ${DEFAULT-VALUE}).")
    ZoneId zone;
    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092", description = "Kafka brokers (default ${DEFAULT-VALUE}).")
    String bootstrapServers;
    @Option(names = "--topic-prefix", description = "Prefix for every topic name (default none).")
    String topicPrefix = "";
    @Option(names = "--create-topics", description = "Create missing prefixed billing/CRM topics before publishing.")
    boolean createTopics;
    @Option(names = "--expected-out", description = "Write the expected figures (JSON) here.")
    Path expectedOut;
    @Option(names = "--fx-out", description = "Write the FX rates (CSV: date,currency,rate) here.")
    Path fxOut;
    @Option(names = "--events-out", description = "Write the events as JSON lines here.")
    Path eventsOut;
    @Option(names = "--events-per-second", defaultValue = "0", description = "Publish at most this many events a second (default: as fast as the broker takes them).")
    double eventsPerSecond;
    @Option(names = "--dry-run", description = "Generate and write the files, publish nothing.")
    boolean dryRun;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    public SimulatorCli() {
        this(Clock.systemUTC());
    }

    SimulatorCli(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        // Kafka's client logs through slf4j-simple; only its errors are worth a line next to our own messages.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        System.exit(run(new SimulatorCli(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command; every failure is one "error: ..." line on {@code err} and exit code 1. */
    static int run(SimulatorCli command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(command).setOut(out).setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("Try --help for the options.");
            return 1;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + message(e));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth first = from != null ? from : now.minusMonths(12);
        if (balanceOut != null && baseCustomers == 0) {
            throw new IllegalArgumentException("--balance-out needs a customer base: give --base-customers");
        }
        SimulationConfig config = new SimulationConfig(seed, first, months, customersPerMonth, reportingCurrency, zone, 0.01, 0.01, 0.04, baseCustomers);
        if (config.streamEnd().isAfter(clock.instant())) {
            throw new IllegalArgumentException("the last simulated month " + config.lastMonth()
                    + " has not ended yet; every event must lie in the past (choose an earlier --from or fewer --months)");
        }
        say("generating %d months from %s, %d lost customers a month, %s, seed %d", months, first, customersPerMonth,
                baseCustomers == 0 ? "no customer base" : String.format(Locale.ROOT, "a base of %,d customers", baseCustomers), seed);
        long t0 = System.nanoTime();
        SimulatedStream stream = Simulation.generate(config);
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        ExpectedFigures.Counts counts = stream.expected().counts();
        say("generated %,d events in %.1f s", counts.published(), genSeconds);
        write(expectedOut, stream.expected().toJson(), "expected figures");
        write(fxOut, FxRate.toCsv(stream.fxRates()), "FX rates");
        write(balanceOut, stream.balanceCsv(), "opening balance as of " + config.balanceDay());
        if (eventsOut != null) {
            writeEvents(stream);
        }
        String summary = String.format(Locale.ROOT, "%,d events (valid %,d, duplicates %,d, malformed %,d, reactivations %,d, won back %,d)",
                counts.published(), counts.valid(), counts.duplicates(), counts.malformed(), counts.reactivations(), counts.wonBack());
        if (dryRun) {
            say("done (dry run, nothing published): %s, generated at %,.0f events/s", summary, counts.published() / Math.max(1e-9, genSeconds));
            return 0;
        }
        if (createTopics) {
            Publisher.createTopics(bootstrapServers, topicPrefix).forEach(t -> say("created topic %s", t));
        }
        say("publishing to %s (topic prefix '%s')", bootstrapServers, topicPrefix);
        double rate = Publisher.publish(stream, bootstrapServers, topicPrefix,
                (acked, total) -> say("published %,d/%,d (%d%%)", acked, total, acked * 100 / Math.max(1, total)),
                java.util.Map.of(), eventsPerSecond);
        say("done: %s published to %s at %,.0f events/s", summary, bootstrapServers, rate);
        return 0;
    }

    private void writeEvents(SimulatedStream stream) throws IOException {
        createParent(eventsOut);
        try (BufferedWriter w = Files.newBufferedWriter(eventsOut, StandardCharsets.UTF_8)) {
            for (SimEvent e : stream.events()) {
                w.write(ContractJson.mapper().writeValueAsString(e));
                w.write('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event as JSON", e);
        }
        say("wrote %,d events to %s", stream.events().size(), eventsOut);
    }

    private void write(Path path, String content, String what) throws IOException {
        if (path != null) {
            createParent(path);
            Files.writeString(path, content, StandardCharsets.UTF_8);
            say("wrote %s to %s", what, path);
        }
    }

    private static void createParent(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private synchronized void say(String format, Object... args) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }

    private static String message(Throwable e) {
        if (e instanceof IOException io && io.getMessage() != null) {
            return "cannot write " + io.getMessage() + " (" + e.getClass().getSimpleName() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    }

    static final class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            try {
                return YearMonth.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a month; use yyyy-MM, e.g. 2025-01");
            }
        }
    }

    static final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value);
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a time zone, e.g. UTC or Europe/Berlin");
            }
        }
    }
}
