package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.BreakdownLine;
import io.lossreview.scheduler.packet.model.CauseDecision;
import io.lossreview.scheduler.packet.model.NotableLoss;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Story;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sections 4 to 6: who was lost: by segment and region, the largest losses, and customers' own words. */
record LossesView(List<BreakdownRow> bySegment, List<BreakdownRow> byRegion, List<NotableRow> notable,
                  List<StoryGroup> stories) {

    /** {@code barWidth} is the share of ARR lost as a CSS width, the small bar in the table. */
    record BreakdownRow(String bucket, String customers, String arrLost, String share, String barWidth) {
    }

    /**
     * {@code statedReason} is verbatim (escaped by the template); null when the customer gave none.
     * {@code decision}: who decided the cause when a person did (see {@link #decision}); null otherwise.
     */
    record NotableRow(int rank, String accountName, String segment, String arrLost, String causeLabel,
                      String color, String statedReason, String decision) {
    }

    record StoryGroup(String label, String color, List<Quote> quotes) {
    }

    /**
     * @param who      "Globex Corporation (Enterprise)"; "A customer (SMB)" without an account name; never "Unknown"
     * @param decision who decided the cause when a person did (see {@link #decision}); null otherwise
     */
    record Quote(String text, String who, String arrLost, String decision) {
    }

    /** What the executive wrote down on the call, cut to fit next to the quote. */
    static final int LEARNED_CHARS = 160;

    /** The ten largest losses by ARR, whatever order and number the caller sent. */
    static final int NOTABLE_LIMIT = 10;

    static LossesView of(Packet p, CauseLegend legend) {
        String currency = p.reportingCurrency();
        return new LossesView(breakdown(p.bySegment(), currency), breakdown(p.byRegion(), currency),
                notable(p.notableLosses(), legend, currency), stories(p.stories(), legend, currency));
    }

    private static List<BreakdownRow> breakdown(List<BreakdownLine> lines, String currency) {
        return lines.stream().map(b -> new BreakdownRow(Formats.bucket(b.bucket()),
                Formats.count(b.customers()), Formats.money(b.arrLost(), currency), Formats.share(b.shareOfValue()),
                barWidth(b.shareOfValue()))).toList();
    }

    private static List<NotableRow> notable(List<NotableLoss> losses, CauseLegend legend, String currency) {
        List<NotableRow> rows = new ArrayList<>();
        List<NotableLoss> largestFirst = losses.stream()
                .sorted(Comparator.comparing(NotableLoss::arrLost, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(NOTABLE_LIMIT)
                .toList();
        for (NotableLoss n : largestFirst) {
            String reason = Formats.text(n.statedReason());
            rows.add(new NotableRow(rows.size() + 1, Formats.text(n.accountName()),
                    Formats.bucket(n.segment()), Formats.money(n.arrLost(), currency),
                    legend.label(n.cause()), legend.hex(n.cause()), reason.isEmpty() ? null : reason,
                    decision(n.decision(), legend)));
        }
        return rows;
    }

    /** Who said it: the account and its segment, as far as they are known. */
    static String attribution(String account, String segment) {
        String name = Formats.text(account).strip();
        String seg = Formats.text(segment).strip();
        String bracket = seg.isEmpty() || seg.equalsIgnoreCase("unknown") ? "" : " (" + Formats.bucket(seg) + ")";
        return (name.isEmpty() || name.equalsIgnoreCase("unknown") ? "A customer" : name) + bracket;
    }

    /** Quotes grouped by cause, groups in the order the packet lists them (top causes first). */
    private static List<StoryGroup> stories(List<Story> stories, CauseLegend legend, String currency) {
        Map<String, List<Quote>> byCause = new LinkedHashMap<>();
        for (Story s : stories) {
            String quote = Formats.text(s.quote());
            if (quote.isEmpty()) {
                continue;
            }
            byCause.computeIfAbsent(s.cause(), c -> new ArrayList<>()).add(new Quote(quote,
                    attribution(s.accountName(), s.segment()), Formats.money(s.arrLost(), currency),
                    decision(s.decision(), legend)));
        }
        List<StoryGroup> groups = new ArrayList<>();
        byCause.forEach((cause, quotes) -> groups.add(new StoryGroup(legend.label(cause), legend.hex(cause), quotes)));
        return groups;
    }

    /**
     * "Cause confirmed on a call by Ava Chen: Price — learned: “…”", "Cause corrected on a call by Ava Chen:
     * Price (was Other)", "Re-caused by ops (dana): Price"; null when no person decided the cause.
     */
    static String decision(CauseDecision d, CauseLegend legend) {
        if (d == null || d.cause() == null) {
            return null;
        }
        String by = Formats.text(d.decidedBy());
        String cause = legend.label(d.cause());
        if (CauseDecision.OPS.equals(d.source())) {
            return "Re-caused by ops" + (by.isEmpty() ? "" : " (" + by + ")") + ": " + cause;
        }
        boolean corrected = d.classifiedCause() != null && !d.classifiedCause().equals(d.cause());
        String learned = Formats.excerpt(d.learned(), LEARNED_CHARS);
        return "Cause " + (corrected ? "corrected" : "confirmed") + " on a call" + (by.isEmpty() ? "" : " by " + by)
                + ": " + cause + (corrected ? " (was " + legend.label(d.classifiedCause()) + ")" : "")
                + (learned.isEmpty() ? "" : " \u2014 learned: \u201C" + learned + "\u201D");
    }

    private static String barWidth(BigDecimal fraction) {
        double percent = fraction == null ? 0 : Math.max(0, Math.min(100, fraction.doubleValue() * 100));
        return String.format(Locale.US, "%.1f%%", percent);
    }
}
