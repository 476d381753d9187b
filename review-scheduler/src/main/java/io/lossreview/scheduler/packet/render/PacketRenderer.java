package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.Packet;

/**
 * Renders the monthly executive packet to HTML (for the browser) and PDF. Plain Java: construct once
 * (it loads the templates and the fallback font) and share; it is thread-safe.
 *
 * <p>The browser and the PDF get the same XHTML; the PDF adds only an {@code @page} size rule. All text
 * from the packet is HTML-escaped by the template engine, so customer words cannot inject markup.
 */
public final class PacketRenderer {

    public enum PaperSize {
        A4("A4"), LETTER("letter");

        private final String css;

        PaperSize(String css) {
            this.css = css;
        }
    }

    private final PacketTemplates templates = new PacketTemplates();
    private final PdfRendering pdf = new PdfRendering();

    /** Well-formed XHTML (so the PDF renderer can parse it), deterministic for equal packets. */
    public String html(Packet packet) {
        return templates.render(PacketView.of(packet), null);
    }

    public byte[] pdf(Packet packet, PaperSize size) {
        String pageRule = "@page { size: " + size.css + "; }";
        return pdf.render(templates.render(PacketView.of(packet), pageRule));
    }
}
