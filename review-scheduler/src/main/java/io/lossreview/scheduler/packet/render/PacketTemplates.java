package io.lossreview.scheduler.packet.render;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A standalone Qute engine over the classpath folder {@code packet-templates/}. Every template is a
 * text/html variant, so the {@link HtmlEscaper} escapes every expression's output, in included templates
 * too; only {@link RawString} values (the inlined CSS and the chart SVGs) go out as they are.
 * Engine and templates are thread-safe: one instance serves all renders.
 */
final class PacketTemplates {

    static final String FOLDER = "packet-templates/";
    private static final Variant HTML = new Variant(Locale.ROOT, StandardCharsets.UTF_8, Variant.TEXT_HTML);

    private final Template packet;
    private final RawString css;

    PacketTemplates() {
        Engine engine = Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addLocator(new ClasspathLocator())
                // A typo in a template fails the render instead of printing nothing.
                .strictRendering(true)
                .build();
        this.packet = engine.getTemplate("packet.html");
        if (packet == null) {
            throw new IllegalStateException("Missing template " + FOLDER + "packet.html");
        }
        this.css = new RawString(read(FOLDER + "packet.css"));
    }

    /** @param pageRule an {@code @page} size rule for print, or null for the browser (its own paper). */
    String render(PacketView view, String pageRule) {
        return packet.data("p", view)
                .data("css", css)
                .data("pageRule", pageRule == null ? null : new RawString(pageRule))
                .render();
    }

    private static String read(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = PacketTemplates.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        return in;
    }

    /** Finds {@code packet-templates/<id>} or {@code packet-templates/<id>.html} on the classpath. */
    private static final class ClasspathLocator implements TemplateLocator {
        @Override
        public Optional<TemplateLocation> locate(String id) {
            if (id.contains("..")) {
                return Optional.empty();
            }
            for (String candidate : List.of(FOLDER + id, FOLDER + id + ".html")) {
                if (PacketTemplates.class.getClassLoader().getResource(candidate) != null) {
                    String content = read(candidate);
                    return Optional.of(new TemplateLocation() {
                        @Override
                        public Reader read() {
                            return new StringReader(content);
                        }

                        @Override
                        public Optional<Variant> getVariant() {
                            return Optional.of(HTML);
                        }
                    });
                }
            }
            return Optional.empty();
        }
    }
}
