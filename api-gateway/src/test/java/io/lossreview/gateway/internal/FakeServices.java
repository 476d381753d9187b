package io.lossreview.gateway.internal;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-ins for defection-analyzer and review-scheduler (one server for both): they record the path
 * and headers of every call the gateway makes and answer the emptiest valid JSON for it.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** A call as received. */
    record Call(String path, Map<String, List<String>> headers) {
    }

    /** A ranking with text a spreadsheet would run and a cell with a comma, for the CSV export. */
    static final String CAUSES = """
            {"month":"2025-12","causes":[
             {"rank":1,"cause":"PRICE","label":"Price, budget","customers":3,"arrLost":"1200.50",
              "vsPriorMonth":{"customers":"-2","arrLost":"-12.50"},"last12Months":[{"month":"2025-11"}]},
             {"rank":2,"cause":"OTHER","label":"=HYPERLINK(\\"http://x\\")","customers":1,"arrLost":"0.00",
              "vsPriorMonth":{"customers":"1","arrLost":"30.00"}}]}""";

    /** Every call received, oldest first. */
    static final List<Call> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            RECEIVED.add(new Call(path, Map.copyOf(exchange.getRequestHeaders())));
            exchange.getRequestBody().readAllBytes();
            String json = path.endsWith("/causes") ? CAUSES : path.equals("/assignments") ? "[]" : "{}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.scheduler.url", url, "quarkus.rest-client.analyzer.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
