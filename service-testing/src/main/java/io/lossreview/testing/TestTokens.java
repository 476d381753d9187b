package io.lossreview.testing;

import io.lossreview.common.security.InternalKeyFiles;
import io.lossreview.common.security.InternalTokens;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Internal tokens for tests, minted exactly as the services mint them ({@link InternalTokens#mint}),
 * with keys made for the test run under {@code target/internal-keys}: the services under test
 * trust them because {@link LocalStackResource} points them at the same directory.
 */
public final class TestTokens {

    /** The signer tests call the services as (a service identity, like the local scripts' operator). */
    public static final String OPERATOR = "operator";
    public static final String ISSUER = "loss-review-internal";
    /** Every signer of the platform plus the tests' own. */
    static final List<String> SIGNERS = List.of("api-gateway", "review-scheduler", OPERATOR);
    private static final Path KEYS_DIR = Path.of("target", "internal-keys").toAbsolutePath();
    private static final Map<String, PrivateKey> KEYS = new ConcurrentHashMap<>();
    private static final Map<String, Minted> OPERATOR_TOKENS = new HashMap<>();

    private record Minted(String token, Instant at) {
    }

    private TestTokens() {
    }

    /** The keys directory, made on first use. */
    public static synchronized Path keysDir() {
        try {
            InternalKeyFiles.ensure(KEYS_DIR, SIGNERS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test keys in " + KEYS_DIR, e);
        }
        return KEYS_DIR;
    }

    /** A valid token for the audience (a service's name) naming this person with these groups. */
    public static String person(String audience, String subject, String... groups) {
        return mint(OPERATOR, subject, Set.of(groups), audience, Instant.now(), Duration.ofMinutes(2));
    }

    /** A valid token for the audience naming the tests' operator service (reused for a minute: tests send thousands). */
    public static synchronized String operator(String audience) {
        Instant now = Instant.now();
        Minted minted = OPERATOR_TOKENS.get(audience);
        if (minted == null || now.isAfter(minted.at().plusSeconds(60))) {
            minted = new Minted(mint(OPERATOR, OPERATOR, Set.of(InternalTokens.SERVICE_GROUP), audience, now,
                    Duration.ofMinutes(2)), now);
            OPERATOR_TOKENS.put(audience, minted);
        }
        return minted.token();
    }

    /** Any token: signer (one of the test signers), subject, groups, audience, issue time and lifetime chosen freely. */
    public static String mint(String signer, String subject, Set<String> groups, String audience, Instant issuedAt,
                              Duration lifetime) {
        return mintAs(ISSUER, signer, subject, groups, audience, issuedAt, lifetime);
    }

    /** Like {@link #mint} with another issuer (to see it refused). */
    public static String mintAs(String issuer, String signer, String subject, Set<String> groups, String audience,
                                Instant issuedAt, Duration lifetime) {
        PrivateKey key = KEYS.computeIfAbsent(signer, s -> InternalTokens.readSigningKey(keysDir(), s));
        return InternalTokens.mint(issuer, signer, key, subject, groups, audience, issuedAt, lifetime);
    }
}
