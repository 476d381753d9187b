package io.lossreview.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The size limits every service enforces on a request's line, headers and declared body, answered as
 * problems ({@link HttpLimits}). They sit below the HTTP codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}, raised in
 * service-common's {@code META-INF/microprofile-config.properties}), which answer with an empty body.
 */
@ConfigMapping(prefix = "loss.http")
public interface HttpLimitSettings {

    /** Longest request target (path and query), in characters. */
    @WithName("max-uri-length")
    @WithDefault("8192")
    int maxUriLength();

    /** Largest sum of the header lines (names, values and separators). */
    @WithName("max-header-size")
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
