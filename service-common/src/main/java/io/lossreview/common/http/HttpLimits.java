package io.lossreview.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.problem.Problem;
import io.lossreview.common.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose line, headers or declared body is too large with a problem, before any other
 * route reads it. Quarkus and Vert.x refuse the same cases with an empty body: Quarkus' body-size route
 * (order -2) ends the response itself, and Vert.x's HTTP codec answers 414 and 431 before any route runs
 * (quarkusio/quarkus#55082). So this route runs first, before those and before the security filters (whose
refusals are empty too), at the configured body limit, and the
 * codec's own line and header limits are set well above this route's: only a request beyond those
 * (64 KiB) still gets the codec's empty answer. A chunked body (no Content-Length) is read here, up to
 * the limit, by Vert.x's body handler, whose 413 this route's failure handler answers as a problem;
 * the REST layer then takes the body already read (RESTEasy Reactive uses a read body as it is), rather
 * than reading it itself and ending an oversized one with an empty 413.
 */
@ApplicationScoped
public class HttpLimits {

    /**
     * Before Quarkus' body-size route (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2) and its security
     * filters (a filter of priority p is route order -p; CORS, the highest, is 300).
     */
    static final int ORDER = -10_000;

    private final ObjectMapper json;
    private final int maxUriLength;
    private final long maxHeaderSize;
    private final Optional<MemorySize> maxBodySize;

    HttpLimits(ObjectMapper json, HttpLimitSettings settings,
               @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.json = json;
        this.maxUriLength = settings.maxUriLength();
        this.maxHeaderSize = settings.maxHeaderSize().asLongValue();
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) {
        Optional<BodyHandler> chunkedBodies = maxBodySize.map(limit -> BodyHandler.create(false).setBodyLimit(limit.asLongValue()));
        router.route().order(ORDER).handler(context -> {
            Optional<Problem> refused = refusal(context.request());
            if (refused.isPresent()) {
                answer(context, refused.get());
            } else if (chunkedBodies.isPresent() && chunked(context.request())) {
                chunkedBodies.get().handle(context); // goes on with next() once the whole body is read
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                answer(context, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body is longer than "
                        + maxBodySize.map(MemorySize::asLongValue).orElse(0L) + " bytes, the most accepted"));
            } else {
                context.next();
            }
        });
    }

    private static boolean chunked(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.CONTENT_LENGTH) == null && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private void answer(RoutingContext context, Problem problem) {
        HttpServerRequest request = context.request();
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serializes", e);
        }
        // The unread body (or the rest of an oversized request) is not worth reading: close afterwards.
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body).onComplete(done -> request.connection().close());
    }

    Optional<Problem> refusal(HttpServerRequest request) {
        int uriLength = request.uri().length();
        if (uriLength > maxUriLength) {
            return Optional.of(Problem.of(ProblemType.URI_TOO_LONG, "the request target is " + uriLength
                    + " characters long; at most " + maxUriLength + " are accepted"));
        }
        long headerSize = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerSize += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (headerSize > maxHeaderSize) {
            return Optional.of(Problem.of(ProblemType.HEADERS_TOO_LARGE, "the request headers take " + headerSize
                    + " bytes; at most " + maxHeaderSize + " are accepted"));
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && maxBodySize.isPresent()) {
            long limit = maxBodySize.get().asLongValue();
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                return Optional.of(Problem.of(ProblemType.VALIDATION, "Content-Length is not a number"));
            }
            if (length > limit) {
                return Optional.of(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body is " + length
                        + " bytes long; at most " + limit + " are accepted"));
            }
        }
        return Optional.empty();
    }
}
