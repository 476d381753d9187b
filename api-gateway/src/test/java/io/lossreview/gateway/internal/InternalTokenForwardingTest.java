package io.lossreview.gateway.internal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.security.InternalKeyFiles;
import io.lossreview.gateway.security.Roles;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.gateway.support.Tokens;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the gateway sends an internal service: a token signed with its own key, for that service
 * only, short-lived, naming the person it authenticated with their roles; and no user header.
 */
@QuarkusTest
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = FakeServices.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class InternalTokenForwardingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSchedulerGetsAGatewayTokenNamingTheCaller() throws Exception {
        FakeServices.RECEIVED.clear();
        given().auth().oauth2(Tokens.of("ops.olga", Roles.OPS)).header("X-Loss-Review-User", "mallory")
                .contentType("application/json").body("{\"status\":\"DONE\"}")
                .put("/api/v1/actions/" + UUID.randomUUID()).then().statusCode(200);

        assertEquals(1, FakeServices.RECEIVED.size());
        assertCallerToken(FakeServices.RECEIVED.get(0).headers(), "review-scheduler");
    }

    @Test
    void callsMadeInParallelForOneRequestAreMadeInTheCallersNameToo() throws Exception {
        FakeServices.RECEIVED.clear();
        given().auth().oauth2(Tokens.of("ops.olga", Roles.OPS)).get("/api/v1/months/2026-03/dashboard")
                .then().statusCode(200);

        assertEquals(3, FakeServices.RECEIVED.size());
        for (FakeServices.Call call : FakeServices.RECEIVED) {
            assertCallerToken(call.headers(), call.path().startsWith("/assignments") ? "review-scheduler" : "defection-analyzer");
        }
    }

    private static void assertCallerToken(Map<String, List<String>> headers, String audience) throws Exception {
        assertFalse(headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("X-Loss-Review-User")), headers.toString());
        String token = header(headers, "Authorization").replaceFirst("^Bearer ", "");
        String[] parts = token.split("\\.");
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);

        assertEquals("RS256", header.path("alg").asText());
        assertEquals("api-gateway", header.path("kid").asText());
        assertTrue(signedBy("api-gateway", parts), "signed with the gateway's key from the trusted JWKS");
        assertEquals("loss-review-internal", claims.path("iss").asText());
        assertEquals(audience, audience(claims));
        assertEquals("ops.olga", claims.path("sub").asText());
        assertEquals("ops.olga", claims.path("upn").asText());
        assertEquals(List.of(Roles.OPS), JSON.convertValue(claims.path("groups"), List.class));
        long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertTrue(lifetime > 0 && lifetime <= 120, "lifetime " + lifetime + " s");
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " header in " + headers.keySet())).getValue().get(0);
    }

    private static String audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() && aud.size() == 1 ? aud.get(0).asText() : aud.asText();
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }

    private static boolean signedBy(String kid, String[] parts) throws Exception {
        JsonNode jwks = JSON.readTree(Files.readString(TestTokens.keysDir().resolve(InternalKeyFiles.JWKS)));
        for (JsonNode key : jwks.path("keys")) {
            if (kid.equals(key.path("kid").asText())) {
                PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                        new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initVerify(publicKey);
                rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
            }
        }
        return false;
    }
}
