package io.lossreview.ingest.stripe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lossreview.common.error.DependencyUnavailable;
import io.lossreview.common.error.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StripeSignatureVerifierTest {

    private static final String SECRET = "whsec_9f3c1d2e8b7a4c6d5e0f1a2b3c4d5e6f";
    private static final long NOW = 1743465605L; // 2025-04-01T00:00:05Z
    private static final String BODY = "{\n  \"id\": \"evt_1R8xQ2LkdIwHu7ixF0b3tYc1\",\n  \"object\": \"event\",\n"
            + "  \"type\": \"customer.subscription.deleted\"\n}";

    private final StripeSignatureVerifier verifier = verifier(Optional.of(SECRET));

    @Test
    void acceptsAValidSignature() {
        assertDoesNotThrow(() -> verifier.verify(BODY, "t=" + NOW + ",v1=" + sign(SECRET, NOW, BODY)));
    }

    @Test
    void matchesAVectorComputedOutsideJava() {
        // openssl dgst -sha256 -hmac whsec_known_vector over '1743465600.{"id":"evt_test","object":"event"}'
        StripeSignatureVerifier v = new StripeSignatureVerifier(Optional.of("whsec_known_vector"),
                Duration.ofMinutes(5), Clock.fixed(Instant.ofEpochSecond(1743465600L), ZoneOffset.UTC));
        assertDoesNotThrow(() -> v.verify("{\"id\":\"evt_test\",\"object\":\"event\"}",
                "t=1743465600,v1=32fb6ebe3ac5aee32619c5550f29e4d6e88e9e647433aee4f2bd7b35ed20d7af"));
    }

    @Test
    void acceptsAnyMatchingV1InAnyOrderWithWhitespaceAndOtherSchemes() {
        String header = " v0=" + sign("whsec_old", NOW, BODY) + " , v1=" + sign("whsec_rolled_away", NOW, BODY)
                + ",t=" + NOW + ", v2=abc,v1= " + sign(SECRET, NOW, BODY) + " ,v1=not-hex,v1="
                + sign("whsec_next", NOW, BODY);
        assertDoesNotThrow(() -> verifier.verify(BODY, header));
    }

    @Test
    void signsTheRawBodyAsUtf8Bytes() {
        String body = "{\"comment\":\"Zu teuer für Zürich – 日本\"}";
        String header = "t=" + NOW + ",v1=" + sign(SECRET, NOW, body);
        assertDoesNotThrow(() -> verifier.verify(body, header));
        assertDoesNotThrow(() -> verifier.verify(body.getBytes(UTF_8), header));
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, BODY,
                "t=" + NOW + ",v1=" + sign("whsec_someone_else", NOW, BODY));
    }

    @Test
    void rejectsATamperedBody() {
        String header = "t=" + NOW + ",v1=" + sign(SECRET, NOW, BODY);
        String tampered = BODY.replace("evt_1R8xQ2", "evt_1R8xQ3"); // one byte changed
        assertEquals(BODY.length(), tampered.length());
        InvalidInput e = assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, tampered, header);
        assertEquals("No v1 signature in the Stripe-Signature header matches the request body", e.getMessage());
    }

    @Test
    void rejectsAReusedSignatureUnderAnotherTimestamp() {
        assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, BODY,
                "t=" + (NOW - 1) + ",v1=" + sign(SECRET, NOW, BODY));
    }

    @Test
    void rejectsATimestampOlderThanTheTolerance() {
        long old = NOW - 301;
        InvalidInput e = assertRejected(StripeSignatureVerifier.RULE_EXPIRED, BODY,
                "t=" + old + ",v1=" + sign(SECRET, old, BODY));
        assertEquals("The Stripe-Signature timestamp is 301 seconds away from now,"
                + " more than the tolerance of 300 seconds", e.getMessage());
        long edge = NOW - 300;
        assertDoesNotThrow(() -> verifier.verify(BODY, "t=" + edge + ",v1=" + sign(SECRET, edge, BODY)));
    }

    @Test
    void rejectsATimestampTooFarInTheFuture() {
        long future = NOW + 301;
        assertRejected(StripeSignatureVerifier.RULE_EXPIRED, BODY, "t=" + future + ",v1=" + sign(SECRET, future, BODY));
        long edge = NOW + 300;
        assertDoesNotThrow(() -> verifier.verify(BODY, "t=" + edge + ",v1=" + sign(SECRET, edge, BODY)));
    }

    @Test
    void honoursAConfiguredTolerance() {
        StripeSignatureVerifier strict = new StripeSignatureVerifier(Optional.of(SECRET), Duration.ofSeconds(10),
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        long old = NOW - 11;
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> strict.verify(BODY, "t=" + old + ",v1=" + sign(SECRET, old, BODY)));
        assertEquals(StripeSignatureVerifier.RULE_EXPIRED, e.violations().get(0).rule());
    }

    @Test
    void rejectsAMissingHeader() {
        InvalidInput e = assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, BODY, null);
        assertEquals("The Stripe-Signature header is missing", e.getMessage());
        assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, BODY, "  ");
    }

    @Test
    void rejectsAGarbageHeader() {
        InvalidInput e = assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, BODY, "garbage");
        assertEquals("The Stripe-Signature header cannot be parsed: it has no timestamp t=", e.getMessage());
        String v1 = ",v1=" + sign(SECRET, NOW, BODY);
        assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, BODY, "t=yesterday" + v1);
        assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, BODY, "t=-" + NOW + v1);
        assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, BODY, "t=" + NOW + ",t=" + NOW + v1);
    }

    @Test
    void rejectsAHeaderWithoutV1() {
        InvalidInput e = assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, BODY, "t=" + NOW);
        assertEquals("The Stripe-Signature header has no v1 signature", e.getMessage());
    }

    @Test
    void rejectsAV0OnlyHeaderEvenWhenV0CarriesTheRightMac() {
        InvalidInput e = assertRejected(StripeSignatureVerifier.RULE_SIGNATURE, BODY,
                "t=" + NOW + ",v0=" + sign(SECRET, NOW, BODY));
        assertEquals("The Stripe-Signature header has no v1 signature", e.getMessage());
    }

    @Test
    void answersUnavailableWithoutASecret() {
        for (Optional<String> secret : List.of(Optional.<String>empty(), Optional.of("  "))) {
            DependencyUnavailable e = assertThrows(DependencyUnavailable.class,
                    () -> verifier(secret).verify(BODY, "t=" + NOW + ",v1=" + sign(SECRET, NOW, BODY)));
            assertEquals("Stripe webhook secret not configured", e.getMessage());
        }
    }

    private InvalidInput assertRejected(String rule, String body, String header) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> verifier.verify(body, header));
        assertEquals(InvalidInput.Kind.RULE, e.kind());
        assertEquals(1, e.violations().size());
        assertEquals("Stripe-Signature", e.violations().get(0).field());
        assertEquals(rule, e.violations().get(0).rule());
        return e;
    }

    private static StripeSignatureVerifier verifier(Optional<String> secret) {
        return new StripeSignatureVerifier(secret, Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    /** Stripe's documented scheme, written independently: hex(HMAC-SHA256(secret, t + "." + body)). */
    private static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
