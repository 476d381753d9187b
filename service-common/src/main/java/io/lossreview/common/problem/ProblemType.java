package io.lossreview.common.problem;

/** The stable problem types of the platform; clients may rely on these URNs. */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", 400),
    MALFORMED_BODY("malformed-body", "Malformed request body", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    URI_TOO_LONG("uri-too-long", "URI too long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    HEADERS_TOO_LARGE("headers-too-large", "Request header fields too large", 431),
    INTERNAL("internal", "Internal error", 500),
    UNAVAILABLE("unavailable", "Service unavailable", 503);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return "urn:lossreview:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The type that fits an HTTP status a framework chose for us. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
