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
    record Call(String path, String query, Map<String, List<String>> headers) {
    }

    /** A ranking with text a spreadsheet would run and a cell with a comma, for the CSV export. */
    static final String CAUSES = """
            {"month":"2025-12","causes":[
             {"rank":1,"cause":"PRICE","label":"Price, budget","customers":3,"arrLost":"1200.50",
              "vsPriorMonth":{"customers":"-2","arrLost":"-12.50"},"last12Months":[{"month":"2025-11"}]},
             {"rank":2,"cause":"OTHER","label":"=HYPERLINK(\\"http://x\\")","customers":1,"arrLost":"0.00",
              "vsPriorMonth":{"customers":"1","arrLost":"30.00"}}]}""";

    /** A customer's story as defection-analyzer tells it: one loss, two cause decisions, a contact. */
    static final String CUSTOMER = """
            {"customerId":"cus_1","accountName":"Acme Corp","segment":"ENTERPRISE","region":"EMEA","plan":"Pro",
             "defections":[{"defection":{"id":"7d0f6a55-1b7f-4a57-9d64-3f3a3a0b8f01","customerId":"cus_1",
               "accountName":"Acme Corp","lossMonth":"2025-12","cause":"PRICE","causeSource":"CALL","decidedBy":"ava",
               "statedReason":{"billingComment":"Too expensive for what we use"},
               "defection":{"contact":{"name":"Noah Lopez","email":"noah@acme.example","phone":"+1-555-0140"}}},
              "causeHistory":[{"decidedAt":"2026-01-02T10:00:00Z","cause":"OTHER","causeSource":"CLASSIFIER","confidence":0.3},
               {"decidedAt":"2026-01-09T10:00:00Z","cause":"PRICE","causeSource":"CALL","decidedBy":"ava","confidence":1.0}]}]}""";
    /** The calls review-scheduler has about that customer. */
    static final String CUSTOMER_CALLS = """
            [{"id":"0b9b7c2e-8a57-4d1e-9f0e-0d2d4f1b9a11","defectionId":"7d0f6a55-1b7f-4a57-9d64-3f3a3a0b8f01",
              "customerId":"cus_1","executiveId":"ava","status":"COMPLETED","outcome":"REACHED","learnedCause":"PRICE"}]""";

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
            String query = exchange.getRequestURI().getRawQuery();
            RECEIVED.add(new Call(path, query, Map.copyOf(exchange.getRequestHeaders())));
            exchange.getRequestBody().readAllBytes();
            String json = path.endsWith("/causes") ? CAUSES : path.startsWith("/customers/") ? CUSTOMER
                    : path.equals("/assignments") ? (query != null && query.contains("customerId=") ? CUSTOMER_CALLS : "[]")
                    : "{}";
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
