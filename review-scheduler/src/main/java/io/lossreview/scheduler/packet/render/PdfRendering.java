package io.lossreview.scheduler.packet.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XHTML to PDF with openhtmltopdf. Text is set in Liberation Sans (SIL OFL; metric-compatible with
 * Helvetica and Arial, with the minus sign, arrows, Greek and Cyrillic), embedded as subsets in its four
 * real faces: headings are true bold, not a regular face smeared by the renderer. A builder is used once,
 * so each render creates its own; the font bytes are read once and shared read-only.
 */
final class PdfRendering {

    static final String FONT = "Liberation Sans";

    /** Regular, bold, italic and bold italic: resource, weight, italic. */
    private static final List<Face> FACES = List.of(
            new Face("/liberation/LiberationSans-Regular.ttf", 400, FontStyle.NORMAL),
            new Face("/liberation/LiberationSans-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("/liberation/LiberationSans-Italic.ttf", 400, FontStyle.ITALIC),
            new Face("/liberation/LiberationSans-BoldItalic.ttf", 700, FontStyle.ITALIC));

    private record Face(String resource, int weight, FontStyle style) {
    }

    private final Map<Face, byte[]> fonts = new LinkedHashMap<>();

    PdfRendering() {
        for (Face face : FACES) {
            try (InputStream in = PdfRendering.class.getResourceAsStream(face.resource())) {
                if (in == null) {
                    throw new IllegalStateException("The font " + face.resource() + " is missing from the classpath");
                }
                fonts.put(face, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + face.resource(), e);
            }
        }
    }

    byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .withHtmlContent(xhtml, null)
                .useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE))
                // The packet is self-contained: nothing in it may make the renderer fetch anything.
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withProducer("Loss Review")
                .toStream(out);
        fonts.forEach((face, bytes) -> builder.useFont(() -> new ByteArrayInputStream(bytes), FONT, face.weight(), face.style(), true));
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
        return out.toByteArray();
    }
}
