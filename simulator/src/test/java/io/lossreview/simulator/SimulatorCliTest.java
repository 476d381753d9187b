package io.lossreview.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorCliTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private record Result(int exitCode, String out, String err) {
    }

    @Test
    void dryRunWritesTheFilesAndPublishesNothing(@TempDir Path dir) throws IOException {
        Result r = run("--from", "2025-01", "--months", "2", "--customers-per-month", "40", "--seed", "7", "--dry-run",
                "--bootstrap-servers", "127.0.0.1:1", // never contacted
                "--expected-out", dir.resolve("out/expected.json").toString(), "--fx-out", dir.resolve("fx.csv").toString(),
                "--events-out", dir.resolve("events.jsonl").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("done (dry run, nothing published)"), r.out());
        SimulatedStream stream = Simulation.generate(SimulationConfig.defaults(7, YearMonth.of(2025, 1), 2, 40));
        assertEquals(stream.expected().toJson(), Files.readString(dir.resolve("out/expected.json")));
        assertEquals(FxRate.toCsv(stream.fxRates()), Files.readString(dir.resolve("fx.csv")));
        List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"));
        assertEquals(stream.events().size(), lines.size());
        assertTrue(lines.get(0).startsWith("{\"topic\":\"") && lines.get(0).contains("\"kind\":"), lines.get(0));
    }

    @Test
    void theDefaultPeriodIsTheTwelveMonthsBeforeTheCurrentOne() {
        Result r = run("--customers-per-month", "5", "--dry-run");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("generating 12 months from 2025-11, 5 lost customers a month, no customer base, seed 42"), r.out());
    }

    @Test
    void userErrorsAreOneLineAndExitCodeOne() {
        assertUserError(run("--from", "2025-13"), "'2025-13' is not a month; use yyyy-MM");
        assertUserError(run("--from", "2026-06", "--months", "12", "--dry-run"), "the last simulated month 2027-05 has not ended yet");
        assertUserError(run("--months", "0", "--dry-run"), "months must be 1..120, was 0");
        assertUserError(run("--reporting-currency", "JPY", "--dry-run"), "reportingCurrency must be one of");
        assertUserError(run("--zone", "Mars/Olympus", "--dry-run"), "is not a time zone");
        assertUserError(run("--no-such-option"), "Unknown option: '--no-such-option'");
    }

    @Test
    void helpExitsZero() {
        Result r = run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--customers-per-month"), r.out());
    }

    private static void assertUserError(Result r, String message) {
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SimulatorCli.run(new SimulatorCli(CLOCK), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
