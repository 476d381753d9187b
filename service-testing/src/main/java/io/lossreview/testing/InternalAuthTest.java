package io.lossreview.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.common.security.InternalTokens;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every internal service must refuse: a request without a token, or with a token that is not
 * a trusted service's for this very service, now. Only health stays open, a header naming a user
 * counts for nothing, and the service listens on the loopback interface. Requests are sent without
 * REST Assured's defaults (which carry a valid token). A service's test extends this.
 */
public abstract class InternalAuthTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A GET of the service that answers 200 to a valid token. */
    protected abstract String protectedPath();

    private String service() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    @Test
    void aValidTokenForThisServiceIsServed() throws Exception {
        assertEquals(200, get(protectedPath(), TestTokens.operator(service())).statusCode());
    }

    @Test
    void noTokenIsAProblem401() throws Exception {
        HttpResponse<String> r = get(protectedPath(), null);
        assertEquals(401, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(r.body().contains("\"status\":401"), r.body());
        assertEquals(Optional.of("Bearer"), r.headers().firstValue("WWW-Authenticate"));
    }

    @Test
    void aUserHeaderIsNoIdentity() throws Exception {
        HttpResponse<String> r = HTTP.send(request(protectedPath(), null).header("X-Loss-Review-User", "admin").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
    }

    @Test
    void tokensThatAreNotForThisServiceNowAreRefused() throws Exception {
        Instant now = Instant.now();
        Set<String> groups = Set.of(InternalTokens.SERVICE_GROUP);
        String op = TestTokens.OPERATOR;
        String otherAudience = TestTokens.mint(op, op, groups, "some-other-service", now, Duration.ofMinutes(2));
        String expired = TestTokens.mint(op, op, groups, service(), now.minus(Duration.ofMinutes(10)), Duration.ofMinutes(2));
        String tooLong = TestTokens.mint(op, op, groups, service(), now, Duration.ofDays(365 * 100));
        String otherIssuer = TestTokens.mintAs("https://elsewhere.example", op, op, groups, service(), now, Duration.ofMinutes(2));
        var untrustedKey = KeyPairGenerator.getInstance("RSA");
        untrustedKey.initialize(2048);
        String forged = InternalTokens.mint(TestTokens.ISSUER, op, untrustedKey.generateKeyPair().getPrivate(), op, groups,
                service(), now, Duration.ofMinutes(2));
        String unsigned = unsigned(TestTokens.operator(service()));
        for (String token : new String[] {otherAudience, expired, tooLong, otherIssuer, forged, unsigned, "not-a-jwt"}) {
            assertEquals(401, get(protectedPath(), token).statusCode(), "accepted: " + token);
        }
    }

    /** Health, metrics and OpenAPI answer without a token on the management port only; the API port has none. */
    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() throws Exception {
        Management.given().get("/health/ready").then().statusCode(200);
        Management.given().get("/health/live").then().statusCode(200);
        Management.given().get("/metrics").then().statusCode(200);
        Management.given().get("/openapi").then().statusCode(200);
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"}) {
            for (String token : new String[] {null, TestTokens.operator(service())}) {
                HttpResponse<String> r = get(path, token);
                assertEquals(404, r.statusCode(), path);
                assertEquals(Optional.of("application/problem+json"), r.headers().firstValue("Content-Type"), path);
            }
        }
    }

    @Test
    void listensOnTheLoopbackInterfaceOnly() throws IOException {
        assertEquals("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.http.host", String.class));
        int managementPort = URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    for (int port : new int[] {RestAssured.port, managementPort}) {
                        try (Socket socket = new Socket()) {
                            assertThrows(ConnectException.class, () -> socket.connect(
                                    new InetSocketAddress(address, port), 2000), "answers on " + address + ":" + port);
                        }
                    }
                }
            }
        }
    }

    /** The same claims with {"alg":"none"} and no signature. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request(path, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }
}
