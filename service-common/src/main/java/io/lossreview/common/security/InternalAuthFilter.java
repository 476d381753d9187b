package io.lossreview.common.security;

import io.quarkus.arc.Arc;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Puts an internal bearer token on every request of a REST client. Each client registers a
 * subclass naming the service it calls, which is the token's audience: a token minted for one
 * service is refused by every other.
 */
public abstract class InternalAuthFilter implements ClientRequestFilter {

    private final String audience;

    protected InternalAuthFilter(String audience) {
        this.audience = audience;
    }

    @Override
    public void filter(ClientRequestContext request) {
        String token = Arc.container().instance(InternalTokens.class).get().forCurrentCaller(audience);
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
