package io.lossreview.common.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** The business calendar's setting (loss.business-time-zone): a loss month is a calendar month in this zone. */
@ConfigMapping(prefix = "loss")
public interface CalendarSettings {

    @WithDefault("UTC")
    ZoneId businessTimeZone();
}
