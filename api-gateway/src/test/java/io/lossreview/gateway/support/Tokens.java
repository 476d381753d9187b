package io.lossreview.gateway.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.Set;

/** Signed bearer tokens for a role, as the identity provider would issue them. */
public final class Tokens {

    private Tokens() {
    }

    public static final String ISSUER = "https://loss-review.local";
    public static final String AUDIENCE = "loss-review-api";

    public static String of(String user, String... roles) {
        return claims(user, roles).sign();
    }

    /** The claims of {@link #of}, to change one before signing. */
    public static JwtClaimsBuilder claims(String user, String... roles) {
        return Jwt.issuer(ISSUER).claim("preferred_username", user).subject(user).audience(AUDIENCE)
                .groups(Set.of(roles)).issuedAt(Instant.now()).expiresIn(600);
    }
}
