package io.lossreview.gateway.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The web app's place: every page is under /app, where the identity provider's session cookie
 * (OIDC "web" tenant, cookie path /app) is valid. The API under /api/v1 never accepts that cookie.
 */
final class WebSession {

    static final String PATH = "/app";

    private WebSession() {
    }

    /** Where to go after signing in: only a page of the app, never another site. */
    static URI target(String next) {
        boolean local = next != null && next.startsWith(PATH + "/") && !next.startsWith("//") && !next.contains("\\")
                && !next.contains("://");
        URI home = URI.create(PATH + "/dashboard");
        try {
            return local ? new URI(next) : home;
        } catch (URISyntaxException e) {
            return home; // "/app/ x" and the like: no page of ours, so the dashboard
        }
    }
}
