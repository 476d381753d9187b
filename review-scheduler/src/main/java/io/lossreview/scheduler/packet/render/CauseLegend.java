package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.EmergingLine;
import io.lossreview.scheduler.packet.model.NotableLoss;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Story;
import io.lossreview.scheduler.packet.model.Trend;

import io.lossreview.common.present.CauseColors;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One label and one color per cause code for the whole packet, so a cause looks the same in the Pareto
 * chart, the trend chart and every table; the color is the cause's own ({@link CauseColors}), the same in
 * every month, revision and on the dashboard.
 */
public final class CauseLegend {

    private final Map<String, String> labels = new LinkedHashMap<>();

    private CauseLegend() {
    }

    /** The labels the packets give their causes; where two give one cause a label, the first packet's wins. */
    public static CauseLegend of(Packet... packets) {
        CauseLegend legend = new CauseLegend();
        for (Packet p : packets) {
            legend.addAll(PacketView.withoutNullLists(p));
        }
        return legend;
    }

    private void addAll(Packet p) {
        for (CauseLine c : p.causes()) {
            add(c.cause(), c.label());
        }
        if (p.trend() != null) {
            for (Trend.Series s : p.trend().series()) {
                add(s.cause(), s.label());
            }
        }
        for (EmergingLine e : p.emerging()) {
            add(e.cause(), e.label());
        }
        for (NotableLoss n : p.notableLosses()) {
            add(n.cause(), n.causeLabel());
        }
        for (Story s : p.stories()) {
            add(s.cause(), s.causeLabel());
        }
    }

    private void add(String cause, String label) {
        if (cause == null || labels.containsKey(cause)) {
            return;
        }
        labels.put(cause, label == null || label.isBlank() ? Formats.humanize(cause) : Formats.text(label));
    }

    /** The cause's label; codes the packet never labelled are humanized (PRICE → Price). */
    public String label(String cause) {
        String known = cause == null ? null : labels.get(cause);
        return known != null ? known : Formats.humanize(Formats.text(cause));
    }

    String hex(String cause) {
        return CauseColors.hex(cause);
    }

    Color color(String cause) {
        return Color.decode(hex(cause));
    }
}
