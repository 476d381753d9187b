package io.lossreview.scheduler.packet;

import io.lossreview.scheduler.calls.plan.Wording;
import io.lossreview.scheduler.packet.render.Formats;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * The packet's words for the calls it assigns: the analyzer's cause labels, money in the reporting currency
 * and moments in the business time zone, all through {@link Formats}, so a brief reads like the packet.
 *
 * @param labels cause code → label, as the month's ranking gives them
 */
record CallWording(Map<String, String> labels, String currency, ZoneId zone) implements Wording {

    @Override
    public String cause(String code) {
        String label = labels.get(code);
        return label == null || label.isBlank() ? Formats.humanize(Formats.text(code)) : Formats.text(label);
    }

    @Override
    public String money(BigDecimal amount) {
        return Formats.money(amount, currency);
    }

    @Override
    public String bucket(String name) {
        return Formats.bucket(name);
    }

    @Override
    public String when(Instant instant) {
        return Formats.when(instant, zone);
    }
}
