package io.lossreview.ingest.stripe;

import io.lossreview.common.error.DependencyUnavailable;
import io.lossreview.common.error.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the {@code Stripe-Signature} header of a webhook call the way Stripe documents it ("Verify webhook
 * signatures manually"):
 * <ol>
 * <li>the header is a comma-separated list of {@code scheme=value} elements, e.g.
 * {@code t=1492774577,v1=5257a869...,v0=6ffbb59b...}; whitespace around elements is tolerated, the order is
 * arbitrary, several {@code v1} elements may be present (while a secret is being rolled) and other schemes
 * ({@code v0}, ...) are ignored;</li>
 * <li>the signed payload is {@code t + "." + body}, where body is the raw request body, byte for byte;</li>
 * <li>the expected signature is the lower-case hex HMAC-SHA256 of the signed payload, keyed with the endpoint's
 * signing secret ({@code whsec_...}, used as is);</li>
 * <li>the call is genuine if any {@code v1} signature equals the expected one (compared in constant time), and
 * fresh if the timestamp is at most {@code ingest.stripe.tolerance} away from now, in either direction.</li>
 * </ol>
 * Like Stripe's own libraries, the signature is checked before the timestamp, so the "expired" answer is only given
 * for calls that really come from Stripe. Every failure is a 400 problem whose violation names the
 * {@code Stripe-Signature} header; a missing secret is a 503 problem, since that is our misconfiguration and
 * Stripe retries non-2xx answers for days.
 */
@ApplicationScoped
public class StripeSignatureVerifier {

    public static final String HEADER = "Stripe-Signature";
    public static final String RULE_SIGNATURE = "stripe-signature";
    public static final String RULE_EXPIRED = "stripe-signature-expired";
    public static final String SECRET_MISSING = "Stripe webhook secret not configured";

    private static final String SCHEME = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;
    private static final int MAX_TIMESTAMP_DIGITS = 18; // fits a long; real values have 10

    private final Optional<SecretKeySpec> key;
    private final Duration tolerance;
    private final Clock clock;

    @Inject
    public StripeSignatureVerifier(
            @ConfigProperty(name = "ingest.stripe.webhook-secret") Optional<String> secret,
            @ConfigProperty(name = "ingest.stripe.tolerance", defaultValue = "5m") Duration tolerance,
            Clock clock) {
        if (tolerance == null || tolerance.isNegative()) {
            throw new IllegalArgumentException("ingest.stripe.tolerance must not be negative: " + tolerance);
        }
        this.key = secret.map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * Verifies a call whose raw body is {@code payload} (it must be the body exactly as received; it is signed as
     * its UTF-8 bytes). Returns normally if the call is genuine and fresh.
     *
     * @throws DependencyUnavailable without a configured secret, InvalidInput for any header problem
     */
    public void verify(String payload, String signatureHeader) {
        verify(payload == null ? new byte[0] : payload.getBytes(StandardCharsets.UTF_8), signatureHeader);
    }

    /** Same as {@link #verify(String, String)} for the raw body bytes, which avoids any charset round trip. */
    public void verify(byte[] payload, String signatureHeader) {
        SecretKeySpec secret = key.orElseThrow(() -> new DependencyUnavailable(SECRET_MISSING, null));
        Header header = Header.parse(signatureHeader);

        byte[] expected = hmac(secret, header.timestamp(), payload == null ? new byte[0] : payload);
        boolean matched = false;
        for (byte[] candidate : header.signatures()) {
            matched |= MessageDigest.isEqual(expected, candidate);
        }
        if (!matched) {
            throw invalid(RULE_SIGNATURE, "No " + SCHEME + " signature in the " + HEADER
                    + " header matches the request body");
        }

        long skew = Math.abs(clock.instant().getEpochSecond() - header.timestamp());
        if (Duration.ofSeconds(skew).compareTo(tolerance) > 0) {
            throw invalid(RULE_EXPIRED, "The " + HEADER + " timestamp is " + skew
                    + " seconds away from now, more than the tolerance of " + tolerance.toSeconds() + " seconds");
        }
    }

    private static byte[] hmac(SecretKeySpec secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e); // every JDK has it
        }
    }

    static InvalidInput invalid(String rule, String message) {
        return new InvalidInput(HEADER, rule, message);
    }

    /** The parsed header: the timestamp and the decoded {@code v1} signatures (undecodable ones never match). */
    private record Header(long timestamp, List<byte[]> signatures) {

        static Header parse(String header) {
            if (header == null || header.isBlank()) {
                throw invalid(RULE_SIGNATURE, "The " + HEADER + " header is missing");
            }
            Long timestamp = null;
            int schemeCount = 0;
            List<byte[]> signatures = new ArrayList<>();
            for (String element : header.split(",")) {
                int eq = element.indexOf('=');
                if (eq < 0) {
                    continue; // not a scheme=value element: ignored like any unknown scheme
                }
                String scheme = element.substring(0, eq).strip();
                String value = element.substring(eq + 1).strip();
                if (scheme.equals("t")) {
                    if (timestamp != null) {
                        throw invalid(RULE_SIGNATURE, "The " + HEADER + " header has more than one timestamp");
                    }
                    timestamp = parseTimestamp(value);
                } else if (scheme.equals(SCHEME)) {
                    schemeCount++;
                    decode(value).ifPresent(signatures::add);
                }
            }
            if (timestamp == null) {
                throw invalid(RULE_SIGNATURE, "The " + HEADER + " header cannot be parsed: it has no timestamp t=");
            }
            if (schemeCount == 0) {
                throw invalid(RULE_SIGNATURE, "The " + HEADER + " header has no " + SCHEME + " signature");
            }
            return new Header(timestamp, signatures);
        }

        private static long parseTimestamp(String value) {
            boolean digits = !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digits || value.length() > MAX_TIMESTAMP_DIGITS) {
                throw invalid(RULE_SIGNATURE, "The " + HEADER
                        + " header cannot be parsed: t is not a Unix time in seconds");
            }
            return Long.parseLong(value);
        }

        private static Optional<byte[]> decode(String hex) {
            if (hex.length() != 2 * SIGNATURE_BYTES) {
                return Optional.empty();
            }
            try {
                return Optional.of(HexFormat.of().parseHex(hex));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
