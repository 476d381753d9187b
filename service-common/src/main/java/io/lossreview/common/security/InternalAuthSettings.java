package io.lossreview.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How this service signs the tokens it sends to the other services ({@code loss.internal-auth.*}).
 * Verifying the tokens it receives is SmallRye JWT's job ({@code mp.jwt.verify.*} in each service).
 */
@ConfigMapping(prefix = "loss.internal-auth")
public interface InternalAuthSettings {

    /** The issuer of every internal token; the services verify it. */
    @WithDefault("loss-review-internal")
    String issuer();

    /**
     * The directory of the internal keys: {@code internal-jwks.json}, the public keys every service
     * trusts, and {@code <service>.private.pem}, the key this service signs with (only a service
     * that calls another needs one). Made by {@link InternalKeyFiles}; in production a mounted secret.
     */
    String keysDir();

    /** How long a token is valid: short, since it is minted per caller and target and never stored. */
    @WithDefault("PT2M")
    Duration tokenLifetime();

    /**
     * Whether the token names the person this request is for (the api-gateway, which authenticated
     * them) rather than this service. Services calling on their own behalf leave it false.
     */
    @WithDefault("false")
    boolean propagateCaller();
}
