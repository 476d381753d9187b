package io.lossreview.scheduler.packet.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the packet writes numbers, money, shares, changes and dates. Whole currency units everywhere:
 * it is an executive packet. Stateless and thread-safe (no shared DecimalFormat).
 */
public final class Formats {

    /** U+2212: a real minus sign, as wide as the plus, so signed columns line up. */
    public static final String MINUS = "\u2212";
    public static final String NONE = "\u2014";

    private static final DateTimeFormatter MONTH_TITLE = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_MEDIUM = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_SHORT = DateTimeFormatter.ofPattern("MMM uu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    /** As the web app writes moments: "5 Dec 2026, 16:18 UTC". */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm z", Locale.ENGLISH);

    private Formats() {
    }

    /** {@code $1,234,567}; symbols for USD, EUR and GBP, otherwise {@code CHF 1,234}. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return NONE;
        }
        String sign = amount.signum() < 0 ? MINUS : "";
        return sign + symbol(currency) + grouped(amount.abs());
    }

    /** A money difference with its sign: {@code +$12,300}, {@code −$4,000}, {@code $0}. */
    public static String signedMoney(BigDecimal delta, String currency) {
        if (delta == null) {
            return NONE;
        }
        return signOf(delta.setScale(0, RoundingMode.HALF_UP)) + symbol(currency) + grouped(delta.abs());
    }

    /** Compact, for charts and change lists: {@code $1.5M}, {@code $739K}, {@code €800}. */
    public static String compactMoney(BigDecimal amount, String currency) {
        if (amount == null) {
            return NONE;
        }
        return (amount.signum() < 0 ? MINUS : "") + symbol(currency) + compact(amount.abs().doubleValue());
    }

    /** A compact money difference with its sign: {@code +$739K}, {@code −$121K}, {@code $0}. */
    public static String signedCompactMoney(BigDecimal delta, String currency) {
        if (delta == null) {
            return NONE;
        }
        return signOf(delta.setScale(0, RoundingMode.HALF_UP)) + symbol(currency) + compact(delta.abs().doubleValue());
    }

    /** A non-negative amount in compact units: 1,480,200 → {@code 1.5M}, 739,000 → {@code 739K}, 800 → {@code 800}. */
    static String compact(double abs) {
        if (abs >= 1_000_000) {
            return oneDecimal(abs / 1_000_000) + "M";
        }
        if (abs >= 1_000) {
            return oneDecimal(abs / 1_000) + "K";
        }
        return oneDecimal(abs);
    }

    private static String oneDecimal(double value) {
        String s = String.format(Locale.US, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    public static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** Customers can differ from an average by a fraction: {@code +38}, {@code −4}, {@code +3.7}. */
    public static String signedCount(BigDecimal delta) {
        if (delta == null) {
            return NONE;
        }
        return signOf(oneDecimalAtMost(delta)) + decimal(oneDecimalAtMost(delta.abs()));
    }

    /** A count that may be an average: {@code 374}, {@code 390.3}. */
    public static String decimalCount(BigDecimal value) {
        return value == null ? NONE : (value.signum() < 0 ? MINUS : "") + decimal(oneDecimalAtMost(value.abs()));
    }

    /** A fraction 0..1 as a percentage with one decimal: 0.6154 → {@code 61.5%}. */
    public static String share(BigDecimal fraction) {
        if (fraction == null) {
            return NONE;
        }
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A rate 0..1 as a percentage: one decimal from 1% on, two below it (0.0041 → {@code 0.41%}); n/a without one. */
    public static String rate(BigDecimal fraction) {
        if (fraction == null) {
            return "n/a";
        }
        BigDecimal percent = fraction.movePointRight(2);
        return percent.setScale(percent.abs().compareTo(BigDecimal.ONE) < 0 ? 2 : 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A percentage (already ×100) with its sign: {@code +12.3%}; n/a when there was nothing to compare with. */
    public static String signedPercent(BigDecimal percent) {
        if (percent == null) {
            return "n/a";
        }
        BigDecimal rounded = percent.setScale(1, RoundingMode.HALF_UP);
        return signOf(rounded) + rounded.abs().toPlainString() + "%";
    }

    /** CSS class for a change in losses: more losses is worse. */
    public static String direction(BigDecimal delta) {
        if (delta == null || delta.signum() == 0) {
            return "flat";
        }
        return delta.signum() > 0 ? "worse" : "better";
    }

    public static String monthTitle(YearMonth month) {
        return month.format(MONTH_TITLE);
    }

    /** {@code Feb 2026}: where a full month name would wrap. */
    public static String monthMedium(YearMonth month) {
        return month.format(MONTH_MEDIUM);
    }

    public static String monthShort(YearMonth month) {
        return month == null ? NONE : month.format(MONTH_SHORT);
    }

    public static String date(LocalDate date) {
        return date == null ? NONE : date.format(DAY);
    }

    /** A moment as people read it, in the business time zone: {@code 5 Dec 2026, 16:18 UTC}. */
    public static String when(Instant instant, ZoneId zone) {
        // The offset Z would print as "Z"; the zone it stands for prints as people write it, "UTC".
        ZoneId named = ZoneOffset.UTC.equals(zone) ? ZoneId.of("UTC") : zone;
        return instant == null ? NONE : WHEN.format(instant.atZone(named));
    }

    /** OPEN, IN_PROGRESS → {@code Open}, {@code In progress}; text that is not a code is left alone. */
    public static String humanize(String code) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        if (!code.matches("[A-Z0-9_]+")) {
            return code;
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Segment and region names: short codes are acronyms and stay (SMB, EMEA); MID_MARKET → Mid market. */
    public static String bucket(String raw) {
        String name = text(raw);
        return name.length() <= 4 ? name : humanize(name);
    }

    /**
     * Customer-provided text, made safe for XML: null becomes empty and characters XML 1.0 cannot carry
     * (control characters, lone surrogates) are dropped, so a pasted form-feed cannot break the PDF.
     * HTML escaping is the template engine's job, not this method's.
     */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800)
                    || (c >= 0xE000 && c < 0xFFFE)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** Customer or executive text cut at the last word before {@code max} characters, marked with an ellipsis. */
    public static String excerpt(String raw, int max) {
        String clean = text(raw);
        if (clean.length() <= max) {
            return clean;
        }
        int cut = clean.lastIndexOf(' ', max);
        return clean.substring(0, cut > max / 2 ? cut : max).stripTrailing() + "\u2026";
    }

    static String symbol(String currency) {
        if (currency == null) {
            return "";
        }
        return switch (currency) {
            case "USD" -> "$";
            case "EUR" -> "\u20AC";
            case "GBP" -> "\u00A3";
            default -> currency + " ";
        };
    }

    private static String signOf(BigDecimal value) {
        return switch (value.signum()) {
            case 1 -> "+";
            case -1 -> MINUS;
            default -> "";
        };
    }

    private static String grouped(BigDecimal nonNegative) {
        return String.format(Locale.US, "%,d", nonNegative.setScale(0, RoundingMode.HALF_UP).toBigInteger());
    }

    private static BigDecimal oneDecimalAtMost(BigDecimal value) {
        BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP);
        return rounded.stripTrailingZeros().scale() <= 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
    }

    private static String decimal(BigDecimal nonNegative) {
        return String.format(Locale.US, nonNegative.scale() == 0 ? "%,.0f" : "%,.1f", nonNegative);
    }
}
