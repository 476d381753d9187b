package io.lossreview.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Refused attempts are audited too: a 403 (the caller's role does not allow it) with who and what,
 * and a 401 when a credential was presented, under the name it claims (marked unverified, since its
 * signature or lifetime did not hold). A 401 without any credential is just an anonymous visit and
 * is not recorded. The 404 an ownership check answers is recorded where it is decided (AuditLog.around).
 *
 * <p>The row is written on a worker thread: a 401 can be answered on the event loop (by the
 * pre-matching rate limit, for one), which a JDBC insert must never block. The answer waits for the row,
 * so a refusal is on record once its caller has heard of it.
 */
@Singleton
public class RefusalAudit {

    static final String ACTION = "refused";
    private static final int MAX_NAME = 120;

    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public RefusalAudit(AuditLog audit, SecurityIdentity identity, ObjectMapper mapper) {
        this.audit = audit;
        this.identity = identity;
        this.mapper = mapper;
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        String path = request.getUriInfo().getPath();
        if ((status != 401 && status != 403) || !(path.startsWith("/api/") || path.startsWith("/app"))) {
            return Uni.createFrom().voidItem();
        }
        // Who, read here: the request's identity is not there on the worker thread.
        String method = request.getMethod();
        if (status == 403 && !identity.isAnonymous()) {
            return written(identity.getPrincipal().getName(), identity.getRoles(), method, path, 403);
        }
        if (status == 401) {
            Optional<String> name = presentedName(request);
            if (name.isPresent()) {
                return written("unverified:" + name.get(), Set.of(), method, path, 401);
            }
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> written(String principal, Set<String> roles, String method, String path, int status) {
        return Uni.createFrom().<Void>item(() -> {
            audit.record(principal, roles, ACTION, method, path, null, status);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The name a refused credential claims, if one was presented: never trusted, only recorded (bounded, printable). */
    private Optional<String> presentedName(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Optional.empty();
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : "";
        if (token.isEmpty()) {
            return Optional.of("(not a bearer token)");
        }
        String[] parts = token.split("\\.");
        try {
            JsonNode claims = mapper.readTree(Base64.getUrlDecoder().decode(parts.length > 1 ? parts[1] : ""));
            for (String claim : new String[] {"upn", "preferred_username", "sub"}) {
                String value = claims.path(claim).asText("");
                if (!value.isBlank()) {
                    return Optional.of(printable(value));
                }
            }
            return Optional.of("(no name in the token)");
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.of("(unreadable token)");
        }
    }

    private static String printable(String value) {
        String clean = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > MAX_NAME ? clean.substring(0, MAX_NAME) + "…" : clean;
    }
}
