package io.lossreview.scheduler.calls;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday count; public holidays are not modelled. */
public final class BusinessDays {

    private BusinessDays() {
    }

    public static LocalDate plus(LocalDate from, int days) {
        LocalDate d = from;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }

    public static LocalDate minus(LocalDate from, int days) {
        LocalDate d = from;
        for (int left = days; left > 0; ) {
            d = d.minusDays(1);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }

    public static boolean isBusinessDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first business day of the date's month. */
    public static LocalDate firstOfMonth(LocalDate d) {
        LocalDate first = d.withDayOfMonth(1);
        return isBusinessDay(first) ? first : plus(first, 1);
    }
}
