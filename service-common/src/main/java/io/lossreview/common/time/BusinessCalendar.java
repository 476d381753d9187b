package io.lossreview.common.time;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** The loss month is the calendar month in the business time zone (default UTC). */
// Singleton: called for every event, and a client proxy's lookup on each call showed in profiles.
@Singleton
public class BusinessCalendar {

    private final ZoneId zone;

    public BusinessCalendar(CalendarSettings settings) {
        this.zone = settings.businessTimeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate date(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public YearMonth month(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }
}
