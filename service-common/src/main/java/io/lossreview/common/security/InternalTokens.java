package io.lossreview.common.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints the short-lived bearer tokens one service sends another: signed with this service's own
 * key, for one audience (the called service), naming either this service or, at the api-gateway,
 * the person it authenticated. Tokens are reused for half their lifetime, so a busy caller signs
 * a few per minute, not one per request.
 */
@ApplicationScoped
public class InternalTokens {

    /** The group every service identity carries, so a service can tell a service call from a person's. */
    public static final String SERVICE_GROUP = "service";
    private static final int MAX_CACHED = 10_000;

    private record Key(String subject, Set<String> groups, String audience) {
    }

    private record Minted(String token, Instant renewAfter) {
    }

    private final InternalAuthSettings settings;
    private final String serviceName;
    private final Clock clock;
    private final Map<Key, Minted> cache = new ConcurrentHashMap<>();
    private volatile PrivateKey signingKey;

    public InternalTokens(InternalAuthSettings settings,
                          @ConfigProperty(name = "quarkus.application.name") String serviceName, Clock clock) {
        this.settings = settings;
        this.serviceName = serviceName;
        this.clock = clock;
    }

    /**
     * Refuses to start without the internal keys: a service that could not verify or sign tokens
     * would answer every call with 401, which looks like an attack rather than a missing setting.
     */
    void checkKeys(@Observes StartupEvent start) {
        Path jwks = Path.of(settings.keysDir()).resolve(InternalKeyFiles.JWKS);
        if (!Files.isReadable(jwks)) {
            throw new IllegalStateException("the internal keys are missing: no readable " + jwks.toAbsolutePath()
                    + "; set loss.internal-auth.keys-dir (INTERNAL_KEYS_DIR) to the directory made by InternalKeyFiles"
                    + " (locally deploy/local/up.sh makes .local/keys)");
        }
    }

    /** A token for the audience naming whoever this call is made for (see {@link InternalAuthSettings#propagateCaller()}). */
    public String forCurrentCaller(String audience) {
        SecurityIdentity caller = settings.propagateCaller() ? currentIdentity() : null;
        if (caller == null || caller.isAnonymous()) {
            return forService(audience);
        }
        return token(new Key(caller.getPrincipal().getName(), new TreeSet<>(caller.getRoles()), audience));
    }

    /** A token naming this service itself. */
    public String forService(String audience) {
        return token(new Key(serviceName, Set.of(SERVICE_GROUP), audience));
    }

    private String token(Key key) {
        Instant now = clock.instant();
        Minted minted = cache.get(key);
        if (minted == null || !now.isBefore(minted.renewAfter())) {
            minted = mint(key, now);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, minted);
        }
        return minted.token();
    }

    private Minted mint(Key key, Instant now) {
        String token = mint(settings.issuer(), serviceName, signingKey(), key.subject(), key.groups(), key.audience(),
                now, settings.tokenLifetime());
        return new Minted(token, now.plus(settings.tokenLifetime().dividedBy(2)));
    }

    /**
     * An internal token: signed by {@code signer} (its key id, and the {@code azp} claim) for one
     * audience, naming the subject and its groups. Public so tests and tools mint exactly what the services do.
     */
    public static String mint(String issuer, String signer, PrivateKey key, String subject, Set<String> groups,
                              String audience, Instant now, Duration lifetime) {
        return Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(groups)
                .audience(audience)
                .claim("azp", signer)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws().keyId(signer)
                .sign(key);
    }

    /** The PEM private key of a signer in a keys directory made by {@link InternalKeyFiles}. */
    public static PrivateKey readSigningKey(Path keysDir, String signer) {
        Path file = keysDir.resolve(InternalKeyFiles.privateKeyFile(signer));
        try {
            return KeyUtils.decodePrivateKey(Files.readString(file));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(signer + " calls another service but cannot read its signing key " + file
                    + " (loss.internal-auth.keys-dir, INTERNAL_KEYS_DIR)", e);
        }
    }

    private PrivateKey signingKey() {
        PrivateKey key = signingKey;
        if (key == null) {
            key = readSigningKey(Path.of(settings.keysDir()), serviceName);
            signingKey = key;
        }
        return key;
    }

    private static SecurityIdentity currentIdentity() {
        try (InstanceHandle<CurrentIdentityAssociation> association = Arc.container().instance(CurrentIdentityAssociation.class)) {
            return association.isAvailable() ? association.get().getIdentity() : null;
        }
    }
}
