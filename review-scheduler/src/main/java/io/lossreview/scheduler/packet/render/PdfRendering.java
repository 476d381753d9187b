package io.lossreview.scheduler.packet.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * XHTML to PDF with openhtmltopdf. Text uses the PDF base-14 Helvetica (not embedded: small files, text
 * extractable); Liberation Sans (SIL OFL), which ships inside the PDFBox jar, is registered as the
 * fallback for characters Helvetica's encoding lacks (the minus sign, arrows, Greek or Cyrillic names).
 * A builder is used once, so each render creates its own; the font bytes are shared read-only.
 */
final class PdfRendering {

    static final String FALLBACK_FONT = "Liberation Sans";
    private static final String FALLBACK_FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final byte[] fallbackFont;

    PdfRendering() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FALLBACK_FONT_RESOURCE)) {
            // Without it (another PDFBox build) the PDF still renders; only characters Helvetica lacks go missing.
            this.fallbackFont = in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FALLBACK_FONT_RESOURCE, e);
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
        if (fallbackFont != null) {
            builder.useFont(() -> new ByteArrayInputStream(fallbackFont), FALLBACK_FONT);
        }
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
        return out.toByteArray();
    }
}
