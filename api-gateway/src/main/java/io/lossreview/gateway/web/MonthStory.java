package io.lossreview.gateway.web;

import java.time.YearMonth;
import java.util.List;

/**
 * The month in words on the dashboard: the summary sentences of the month's latest packet, exactly as on its
 * page 1. They are written once, by the scheduler, from the packet's frozen figures; the dashboard quotes them
 * (with the revision and when it was built) rather than writing a second, live version that could disagree.
 *
 * @param sentences empty when there is no packet yet (or one from before the sentences were stored)
 * @param note      what the reader should know: which revision, or why there are no sentences
 */
public record MonthStory(List<String> sentences, Integer revision, Object builtAt, String note) {

    static MonthStory of(Loaded packet, YearMonth month) {
        if (!packet.ok()) {
            return new MonthStory(List.of(), null, null, packet.problem().status() == 404
                    ? "The summary in words is written when the packet for " + Months.title(month) + " is built."
                    : "The packet's summary could not be loaded: " + packet.error());
        }
        Object narrative = packet.map().get("narrative");
        List<String> sentences = narrative instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        Integer revision = packet.map().get("revision") instanceof Number n ? n.intValue() : null;
        return new MonthStory(sentences, revision, packet.map().get("builtAt"), sentences.isEmpty()
                ? "This packet was built before summaries were written; rebuild it to get one." : null);
    }
}
