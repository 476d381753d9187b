package io.lossreview.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.ContractJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulator verify-analysis}: the analyzer's month figures against the expected-figures file. */
@Command(name = "verify-analysis", mixinStandardHelpOptions = true,
        description = "Compare defection-analyzer's month figures with the simulator's expected figures.")
final class VerifyAnalysisCommand implements Callable<Integer> {

    @Option(names = "--expected", required = true, description = "Expected-figures JSON written by --expected-out.")
    Path expected;
    @Option(names = "--analyzer-url", defaultValue = "http://127.0.0.1:8082", description = "defection-analyzer base URL (default ${DEFAULT-VALUE}).")
    URI analyzer;
    @Option(names = "--max-misclassified", defaultValue = "0.05", description = "Largest allowed share of customers filed under another cause than the one their records state (default ${DEFAULT-VALUE}; measured: 1.4%%).")
    double maxMisclassified;
    @Option(names = "--wait", defaultValue = "180", description = "Seconds to wait for the month totals to match while the analyzer catches up (default ${DEFAULT-VALUE}).")
    int waitSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--token", defaultValue = "${env:LOSS_REVIEW_TOKEN}", description = "Bearer token for defection-analyzer"
            + " (default: the LOSS_REVIEW_TOKEN environment variable); the services refuse calls without one.")
    String token;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ExpectedFigures figures = ExpectedFigures.fromJson(Files.readString(expected));
        Instant deadline = Instant.now().plusSeconds(waitSeconds);
        AnalysisCheck.Result result = AnalysisCheck.run(figures, source(), maxMisclassified);
        while (!result.totalsMatch() && Instant.now().isBefore(deadline)) {
            out.println("month totals or bases do not match yet; waiting for the analyzer to catch up");
            sleep();
            result = AnalysisCheck.run(figures, source(), maxMisclassified);
        }
        result.lines().forEach(out::println);
        out.println(result.passed() ? "PASSED" : "FAILED");
        return result.passed() ? 0 : 1;
    }

    private AnalysisCheck.Source source() {
        return new AnalysisCheck.Source() {
            @Override
            public JsonNode summary(String month) {
                return get("/months/" + month + "/summary");
            }

            @Override
            public JsonNode causes(String month) {
                return get("/months/" + month + "/causes");
            }

            @Override
            public JsonNode base(String month) {
                return get("/months/" + month + "/base", true);
            }
        };
    }

    private JsonNode get(String path) {
        return get(path, false);
    }

    private JsonNode get(String path, boolean notFoundIsMissing) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(analyzer.resolve(path))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (notFoundIsMissing && r.statusCode() == 404) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return ContractJson.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + analyzer.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
