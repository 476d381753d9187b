package io.lossreview.gateway.support;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Signed bearer tokens for a role, as the identity provider would issue them. */
public final class Tokens {

    private Tokens() {
    }

    public static String of(String user, String... roles) {
        return Jwt.issuer("https://loss-review.local").upn(user).groups(Set.of(roles)).expiresIn(600).sign();
    }
}
