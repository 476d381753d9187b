package io.lossreview.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.ContractJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulator verify-packet}: builds a month's packet on review-scheduler and checks its
 * headline figures against the expected figures, that a rebuild with the same data changes nothing,
 * and that the HTML and PDF renderings are served.
 */
@Command(name = "verify-packet", mixinStandardHelpOptions = true,
        description = "Build a month's packet on review-scheduler and compare it with the expected figures.")
final class VerifyPacketCommand implements Callable<Integer> {

    @Option(names = "--expected", required = true, description = "Expected-figures JSON written by --expected-out.")
    Path expected;
    @Option(names = "--scheduler-url", defaultValue = "http://127.0.0.1:8083", description = "review-scheduler base URL (default ${DEFAULT-VALUE}).")
    URI scheduler;
    @Option(names = "--month", required = true, description = "Month to build, yyyy-MM.")
    String month;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--token", defaultValue = "${env:LOSS_REVIEW_TOKEN}", description = "Bearer token for review-scheduler"
            + " (default: the LOSS_REVIEW_TOKEN environment variable); the services refuse calls without one.")
    String token;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ExpectedFigures.MonthFigures truth = ExpectedFigures.fromJson(Files.readString(expected)).month(month);
        List<String> failures = new ArrayList<>();
        HttpResponse<String> first = send("POST", "/packets/" + month);
        if (first.statusCode() != 201 && first.statusCode() != 200) {
            out.println("FAILED: POST /packets/" + month + " answered " + first.statusCode() + ": " + first.body());
            return 1;
        }
        JsonNode packet = ContractJson.mapper().readTree(first.body());
        JsonNode s = packet.path("summary");
        check(failures, "customers", truth.customers(), s.path("customers").asLong());
        check(failures, "seats", truth.seats(), s.path("seats").asLong());
        check(failures, "MRR lost", truth.mrr(), new BigDecimal(s.path("mrrLost").asText("0")));
        check(failures, "ARR lost", truth.arr(), new BigDecimal(s.path("arrLost").asText("0")));
        check(failures, "won back", truth.wonBack(), s.path("wonBack").asLong());
        out.printf("packet %s revision %d: %d customers, ARR lost %s, %d causes, %d stories, %d calls assigned%n", month,
                packet.path("revision").asInt(), s.path("customers").asLong(), s.path("arrLost").asText(),
                packet.path("causes").size(), packet.path("stories").size(), packet.path("assignments").size());
        HttpResponse<String> again = send("POST", "/packets/" + month);
        JsonNode second = ContractJson.mapper().readTree(again.body());
        check(failures, "rebuild with the same data keeps the revision", packet.path("revision").asInt(),
                second.path("revision").asInt());
        HttpResponse<String> html = send("GET", "/packets/" + month + "/html");
        if (html.statusCode() != 200 || !html.body().contains("Customer loss review")) {
            failures.add("HTML: status " + html.statusCode());
        }
        HttpResponse<String> pdf = send("GET", "/packets/" + month + "/pdf");
        if (pdf.statusCode() != 200 || !pdf.body().startsWith("%PDF")) {
            failures.add("PDF: status " + pdf.statusCode());
        }
        failures.forEach(f -> out.println("MISMATCH " + f));
        out.println(failures.isEmpty() ? "PASSED" : "FAILED");
        return failures.isEmpty() ? 0 : 1;
    }

    private static void check(List<String> failures, String what, Object expected, Object got) {
        boolean same = expected instanceof BigDecimal e && got instanceof BigDecimal g ? e.compareTo(g) == 0
                : String.valueOf(expected).equals(String.valueOf(got));
        if (!same) {
            failures.add(what + ": expected " + expected + ", got " + got);
        }
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(scheduler.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "*/*")
                .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
