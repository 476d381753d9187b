package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.Packet;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

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
    private final ZoneId zone;

    /** Moments (when a revision was built) in UTC. */
    public PacketRenderer() {
        this(ZoneOffset.UTC);
    }

    /** @param zone the business time zone: moments are written in it */
    public PacketRenderer(ZoneId zone) {
        this.zone = zone;
    }

    /** Well-formed XHTML (so the PDF renderer can parse it), deterministic for equal packets. */
    public String html(Packet packet) {
        return templates.render(PacketView.of(packet, zone), null);
    }

    public byte[] pdf(Packet packet, PaperSize size) {
        String pageRule = "@page { size: " + size.css + "; }";
        return pdf.render(templates.render(PacketView.of(packet, zone), pageRule));
    }

    /**
     * Page 1's opening sentences: the ones frozen with the revision, or, for a revision built before they
     * were stored, written from its figures exactly as its page 1 shows them.
     */
    public List<String> narrative(Packet packet) {
        if (packet.narrative() != null) {
            return packet.narrative();
        }
        Packet p = PacketView.withoutNullLists(packet);
        return Narrative.of(p, CauseLegend.of(p));
    }

    /** The packet with its page-1 sentences filled in (see {@link #narrative}). */
    public Packet withNarrative(Packet packet) {
        return packet.narrative() != null ? packet : packet.withNarrative(narrative(packet));
    }
}
