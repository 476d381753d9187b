package io.lossreview.scheduler.packet.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of a chart's SVG with the box each one covers on the page: measured with the font its style names
 * (as AWT measures it, like the chart did), moved by its own and its groups' transforms, cut by its clip path.
 */
record SvgText(String text, boolean bold, Rectangle2D box, Rectangle2D clip) {

    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);
    private static final Pattern MATRIX = Pattern.compile("matrix\\(([^)]*)\\)");
    private static final Pattern SIZE = Pattern.compile("font-size:\\s*([0-9.]+)px");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?(?:[eE]-?[0-9]+)?");

    static List<SvgText> of(String svg) throws Exception {
        Document doc = PacketHtmlTest.parse(svg);
        Map<String, Rectangle2D> clips = new HashMap<>();
        for (Element clip : elements(doc.getDocumentElement(), "clipPath")) {
            Element path = elements(clip, "path").get(0);
            clips.put(clip.getAttribute("id"), bounds(path.getAttribute("d")));
        }
        List<SvgText> texts = new ArrayList<>();
        collect(doc.getDocumentElement(), new AffineTransform(), clips, texts);
        return texts;
    }

    /** The chart's visible area, from its viewBox. */
    static Rectangle2D viewBox(String svg) throws Exception {
        String[] v = PacketHtmlTest.parse(svg).getDocumentElement().getAttribute("viewBox").trim().split("[ ,]+");
        return new Rectangle2D.Double(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                Double.parseDouble(v[3]));
    }

    boolean overlaps(SvgText other) {
        Rectangle2D cut = box.createIntersection(other.box);
        return cut.getWidth() > 0.5 && cut.getHeight() > 0.5;
    }

    private static void collect(Element e, AffineTransform outer, Map<String, Rectangle2D> clips, List<SvgText> out) {
        AffineTransform at = new AffineTransform(outer);
        Matcher m = MATRIX.matcher(e.getAttribute("transform"));
        if (m.find()) {
            String[] v = m.group(1).split(",");
            at.concatenate(new AffineTransform(d(v[0]), d(v[1]), d(v[2]), d(v[3]), d(v[4]), d(v[5])));
        } else if (!e.getAttribute("transform").isBlank()) {
            throw new AssertionError("a transform this test cannot read: " + e.getAttribute("transform"));
        }
        if ("text".equals(e.getLocalName())) {
            String style = e.getAttribute("style");
            Matcher size = SIZE.matcher(style);
            if (!size.find()) {
                throw new AssertionError("no font size: " + style);
            }
            boolean bold = style.contains("font-weight: bold");
            Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(d(size.group(1))));
            String text = e.getTextContent();
            LineMetrics lm = font.getLineMetrics(text, MEASURE);
            double x = d(e.getAttribute("x"));
            double y = d(e.getAttribute("y"));
            Rectangle2D own = new Rectangle2D.Double(x, y - lm.getAscent(), font.getStringBounds(text, MEASURE).getWidth(),
                    lm.getAscent() + lm.getDescent());
            String clipRef = e.getAttribute("clip-path");
            Rectangle2D clip = clipRef.isBlank() ? null : clips.get(clipRef.replaceAll("url\\(#(.*)\\)", "$1"));
            out.add(new SvgText(text, bold, at.createTransformedShape(own).getBounds2D(),
                    clip == null || !at.isIdentity() ? null : clip));
            return;
        }
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element c) {
                collect(c, at, clips, out);
            }
        }
    }

    private static List<Element> elements(Element root, String name) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static Rectangle2D bounds(String path) {
        Matcher n = NUMBER.matcher(path);
        List<Double> v = new ArrayList<>();
        while (n.find()) {
            v.add(d(n.group()));
        }
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < v.size(); i += 2) {
            minX = Math.min(minX, v.get(i));
            maxX = Math.max(maxX, v.get(i));
            minY = Math.min(minY, v.get(i + 1));
            maxY = Math.max(maxY, v.get(i + 1));
        }
        return new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
    }

    private static double d(String s) {
        return Double.parseDouble(s.trim());
    }
}
