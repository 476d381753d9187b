package io.lossreview.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service must show: it started, migrated its own database, reports ready with the
 * database check, and serves metrics and OpenAPI. A service's test extends this and adds its
 * Quarkus annotations.
 */
public abstract class ServiceBasicsTest {

    @Inject
    AgroalDataSource dataSource;

    /** The Flyway migration descriptions the service's database must show as applied, in order. */
    protected abstract List<String> expectedMigrations();

    @Test
    void migratesItsOwnDatabase() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "select description from flyway_schema_history where success order by installed_rank")) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        assertEquals(expectedMigrations(), applied);
    }

    @Test
    void isLiveAndReady() {
        Management.given().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void servesMetricsAndOpenApi() {
        Management.given().get("/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        boolean onManagement = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-openapi.management.enabled", Boolean.class).orElse(true);
        (onManagement ? Management.given().get("/openapi?format=json") : given().accept("application/json").get("/q/openapi"))
                .then().statusCode(200).body("openapi", containsString("3."));
    }

    /**
     * A request line, headers or declared body over the limits is a problem naming the limit, not the
     * HTTP codec's empty answer; the limits are checked before the caller's token, on every route.
     */
    @Test
    void oversizedRequestsAreProblems() throws IOException {
        String longTarget = "/anything?pad=" + "a".repeat(9_000);
        assertProblem(raw("GET " + longTarget + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414, "uri-too-long");
        String bigHeader = "X-Pad: " + "b".repeat(25_000) + "\r\n";
        assertProblem(raw("GET /anything HTTP/1.1\r\nHost: x\r\n" + bigHeader + "\r\n"), 431, "headers-too-large");
        assertProblem(raw("POST /anything HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 99999999999\r\n\r\n{}"), 413, "payload-too-large");
        Management.given().get("/health/live").then().statusCode(200);
    }

    /** A chunked body (no Content-Length) over the body limit is a problem too, once it has read that far. */
    @Test
    void anOversizedChunkedBodyIsAProblem() throws Exception {
        long limit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
        byte[] chunk = ("100000\r\n" + "c".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            // Written on another thread: the service answers (and closes) before it has all of it.
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(("POST /anything HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    for (long sent = 0; sent <= limit; sent += 0x100000) {
                        out.write(chunk);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException closedByTheService) {
                    // expected once the answer is sent
                }
            });
            assertProblem(readAnswer(socket), 413, "payload-too-large");
            writing.get(20, TimeUnit.SECONDS);
        }
        Management.given().get("/health/live").then().statusCode(200);
    }

    private static void assertProblem(String response, int status, String type) {
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
        assertTrue(head.startsWith("http/1.1 " + status + " "), head);
        assertTrue(head.contains("content-type: application/problem+json"), head);
        assertTrue(response.contains("\"type\":\"urn:lossreview:problem:" + type + "\""), response);
    }

    /** Sends the bytes as they are (no client library would send these) and reads one answer. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAnswer(socket);
        }
    }

    private static String readAnswer(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder answer = new StringBuilder();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            answer.append(line).append("\r\n");
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        answer.append("\r\n");
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return answer.append(body, 0, read).toString();
    }
}
