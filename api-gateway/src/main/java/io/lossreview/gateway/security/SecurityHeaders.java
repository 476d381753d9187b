package io.lossreview.gateway.security;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Security headers on every response of the gateway, pages, API, static assets and errors alike
 * (a route of its own, first, so nothing answers without them):
 * <ul>
 * <li>nosniff and no referrer everywhere;</li>
 * <li>pages: a CSP without inline script or style (the app's script and styles are files of its
 * own), never framed by anyone;</li>
 * <li>the packet document, the one thing the app frames itself (the packet viewer), is framed by
 * the app's own pages only, may use its inline styles and no script at all;</li>
 * <li>the API: nothing may run or be framed;</li>
 * <li>Cache-Control: no-store on pages and API answers, which carry personal data; static assets
 * keep their caching.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-src 'self'; frame-ancestors 'none'";
    static final String PACKET_DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
    static final String API_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    private static final Pattern PACKET_DOCUMENT = Pattern.compile("/app/packets/[^/]+/document");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onResponse);
    }

    private void onResponse(RoutingContext rc) {
        String path = rc.normalizedPath();
        rc.addHeadersEndHandler(ignored -> apply(path, rc.response().headers()));
        rc.next();
    }

    static void apply(String path, MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        boolean asset = path.startsWith("/assets/") || path.startsWith("/webjars/");
        if (asset) {
            headers.set("Content-Security-Policy", API_CSP);
            headers.set("X-Frame-Options", "DENY");
            return;
        }
        if (PACKET_DOCUMENT.matcher(path).matches()) {
            headers.set("Content-Security-Policy", PACKET_DOCUMENT_CSP);
            headers.set("X-Frame-Options", "SAMEORIGIN");
        } else if (path.equals("/app") || path.startsWith("/app/") || path.equals("/")) {
            headers.set("Content-Security-Policy", PAGE_CSP);
            headers.set("X-Frame-Options", "DENY");
        } else {
            headers.set("Content-Security-Policy", API_CSP);
            headers.set("X-Frame-Options", "DENY");
        }
        headers.set("Cache-Control", "no-store");
    }
}
