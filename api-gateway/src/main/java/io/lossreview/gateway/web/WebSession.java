package io.lossreview.gateway.web;

import jakarta.ws.rs.core.NewCookie;
import java.net.URI;
import java.time.Duration;

/**
 * The web app's session: the signed-in user's bearer token in an HttpOnly, SameSite=Strict cookie
 * scoped to /app. The API under /api/v1 never sees that cookie, so it stays bearer-only (no CSRF
 * surface), while page requests authenticate with the same JWT verification as the API.
 */
final class WebSession {

    /** Also configured as mp.jwt.token.cookie. */
    static final String COOKIE = "loss_review_token";
    static final String PATH = "/app";

    private WebSession() {
    }

    static NewCookie signedIn(String token, Duration lifetime) {
        return cookie(token, (int) Math.max(0, lifetime.toSeconds()));
    }

    static NewCookie signedOut() {
        return cookie("", 0);
    }

    /** Where to go after signing in: only a page of the app, never another site. */
    static URI target(String next) {
        boolean local = next != null && next.startsWith(PATH + "/") && !next.startsWith("//") && !next.contains("\\")
                && !next.contains("://");
        URI home = URI.create(PATH + "/dashboard");
        try {
            return local ? new URI(next) : home;
        } catch (java.net.URISyntaxException e) {
            return home; // "/app/ x" and the like: no page of ours, so the dashboard
        }
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path(PATH).maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
