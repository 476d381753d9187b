package io.lossreview.scheduler.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lossreview.contracts.analysis.view.AnalyzerExamples;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.YearMonth;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * defection-analyzer as the scheduler's tests see it: the contract's recorded answers
 * ({@link AnalyzerExamples}), served byte for byte from a JDK HTTP server on a free port. Nothing is
 * computed here: the analyzer's own contract test (PacketInputsContractTest) checks that the real
 * analyzer answers exactly these bytes, so the figures the scheduler's tests expect are the analyzer's.
 * A request that was not recorded gets a 404: the scheduler must not depend on it. The taxonomy
 * versions are the shipped taxonomy's (action causes are checked against them).
 *
 * <p>The answer for {@link #CONTENDED} is only served once two requests for it are waiting (or after
 * 5 s): two builds then finish reading together and race for the month's lock.
 */
public class FakeAnalyzer implements QuarkusTestResourceLifecycleManager {

    static final YearMonth CONTENDED = YearMonth.of(2026, 4);
    private static final Pattern PACKET_INPUTS = Pattern.compile("/months/(\\d{4}-\\d{2})/packet-inputs");
    private static final Pattern TREND_FROM = Pattern.compile("(?:^|&)trendFrom=(\\d{4}-\\d{2})(?:&|$)");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CyclicBarrier contended = new CyclicBarrier(2);
    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Several threads: two concurrent builds must be able to wait for each other here.
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-analyzer");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.analyzer.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            if (!fromTheScheduler(x.getRequestHeaders().getFirst("Authorization"))) {
                x.sendResponseHeaders(401, -1);
                return;
            }
            if (AnalyzerExamples.TAXONOMY_VERSIONS_PATH.equals(x.getRequestURI().getPath())) {
                send(x, AnalyzerExamples.taxonomyVersions());
                return;
            }
            Matcher path = PACKET_INPUTS.matcher(x.getRequestURI().getPath());
            Matcher from = TREND_FROM.matcher(x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery());
            byte[] answer = path.matches() && from.find()
                    ? AnalyzerExamples.answer(YearMonth.parse(path.group(1)), YearMonth.parse(from.group(1))) : null;
            if (answer == null) {
                x.sendResponseHeaders(404, -1);
                return;
            }
            if (YearMonth.parse(path.group(1)).equals(CONTENDED)) {
                awaitTheOtherBuild();
            }
            send(x, answer);
        } finally {
            x.close();
        }
    }

    private static void send(HttpExchange x, byte[] answer) throws IOException {
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, answer.length);
        x.getResponseBody().write(answer);
    }

    /**
     * The real analyzer verifies the token (InternalAuthTest there); here the scheduler is held to
     * sending one at all, for the analyzer, in its own name and signed with its own key.
     */
    private static boolean fromTheScheduler(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return parts.length == 3 && "review-scheduler".equals(header.path("kid").asText())
                    && "review-scheduler".equals(claims.path("sub").asText())
                    && claims.path("aud").toString().contains("\"defection-analyzer\"");
        } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private void awaitTheOtherBuild() {
        try {
            contended.await(5, TimeUnit.SECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            contended.reset(); // a lone build: serve it anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
