package io.lossreview.gateway.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the pages write figures. The API sends amounts as decimal strings; pages show them grouped
 * ("11,403,245"), compact for KPIs ("11.4M"), shares as percentages and changes with a sign.
 */
@TemplateExtension
public final class PageFormats {

    private PageFormats() {
    }

    /** 11403245.16 → "11,403,245". */
    static String money(Object amount) {
        BigDecimal v = decimal(amount);
        return v == null ? "—" : grouped("#,##0").format(v.setScale(0, RoundingMode.HALF_EVEN));
    }

    /** 11403245.16 → "11.4M"; 950270 → "950K". */
    static String compact(Object amount) {
        BigDecimal v = decimal(amount);
        if (v == null) {
            return "—";
        }
        BigDecimal abs = v.abs();
        if (abs.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return grouped("#,##0.0").format(v.movePointLeft(6)) + "M";
        }
        if (abs.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
            return grouped("#,##0").format(v.movePointLeft(3).setScale(0, RoundingMode.HALF_EVEN)) + "K";
        }
        return grouped("#,##0").format(v);
    }

    /** 11403245.16 with "$" → "$11.4M"; the currency's symbol before the compact figure. */
    static String compactMoney(Object amount, String symbol) {
        String compact = compact(amount);
        return compact.equals("—") ? compact : symbol + compact;
    }

    /** A change in money with its sign and currency: −530300 with "$" → "−$530K", 0 → "±$0". */
    static String signedMoney(Object change, String symbol) {
        BigDecimal v = decimal(change);
        if (v == null) {
            return "—";
        }
        return (v.signum() > 0 ? "+" : v.signum() < 0 ? "−" : "±") + symbol + compact(v.abs());
    }

    /** The symbol a reader of the reporting currency knows: USD → "$", EUR → "€", CAD → "CA$". */
    public static String symbol(String currency) {
        try {
            return java.util.Currency.getInstance(currency).getSymbol(java.util.Locale.US);
        } catch (IllegalArgumentException | NullPointerException e) {
            return currency == null ? "" : currency + " ";
        }
    }

    /** A fraction 0.237 → "23.7%". */
    static String share(Object fraction) {
        BigDecimal v = decimal(fraction);
        return v == null ? "—" : grouped("0.0").format(v.movePointRight(2)) + "%";
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", java.util.Locale.ENGLISH);

    /** An instant as people read it, in the business time zone: "2026-12-05T16:18:07.876Z" → "5 Dec 2026, 16:18 UTC". */
    static String when(Object instant) {
        if (instant == null || String.valueOf(instant).isBlank()) {
            return "—";
        }
        try {
            return WHEN.format(java.time.Instant.parse(String.valueOf(instant)).atZone(BusinessZone.ZONE));
        } catch (java.time.format.DateTimeParseException e) {
            return String.valueOf(instant); // not an instant after all: shown as it came
        }
    }

    /** The business time zone the loss months are counted in, read once. */
    private static final class BusinessZone {
        static final java.time.ZoneId ZONE = zone();

        private static java.time.ZoneId zone() {
            try {
                return java.time.ZoneId.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getOptionalValue("loss.business-time-zone", String.class).orElse("UTC"));
            } catch (RuntimeException e) {
                return java.time.ZoneOffset.UTC;
            }
        }
    }

    /** 11950 → "11,950". */
    static String count(Object n) {
        BigDecimal v = decimal(n);
        return v == null ? "—" : grouped("#,##0").format(v);
    }

    /** A churn rate: 0.0234 → "2.3%", below 1% with two decimals (0.0027 → "0.27%"), so small rates stay readable. */
    static String rate(Object fraction) {
        BigDecimal v = decimal(fraction);
        if (v == null) {
            return "—";
        }
        BigDecimal percent = v.movePointRight(2);
        return percent.setScale(percent.abs().compareTo(BigDecimal.ONE) < 0 ? 2 : 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** 5 → "+5", -0.33 → "−0.3", null → "—". */
    static String signed(Object change) {
        BigDecimal v = decimal(change);
        if (v == null) {
            return "—";
        }
        String s = grouped("#,##0.#").format(v.abs());
        return (v.signum() > 0 ? "+" : v.signum() < 0 ? "−" : "±") + s;
    }

    /** "PRODUCT_QUALITY" → "Product quality" where no label is at hand. */
    static String humanized(String code) {
        if (code == null || code.isBlank()) {
            return "—";
        }
        String s = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Where a customer sits, for a reader: "Enterprise · EMEA"; parts the data does not know are left out, never
     * shown as "UNKNOWN UNKNOWN".
     */
    static String whereFrom(java.util.Map<?, ?> defection) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String key : java.util.List.of("segment", "region")) {
            Object v = defection.get(key);
            if (v != null && !v.toString().isBlank() && !"UNKNOWN".equalsIgnoreCase(v.toString())) {
                parts.add(key.equals("segment") ? humanized(v.toString()) : v.toString());
            }
        }
        return parts.isEmpty() ? "no segment or region on record" : String.join(" · ", parts);
    }

    /** An id as one segment of a path ("a/b c" → "a%2Fb%20c"): ids come from billing systems and may hold anything. */
    static String pathSegment(Object id) {
        return java.net.URLEncoder.encode(String.valueOf(id), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Who decided a cause, in words: CLASSIFIER → "classifier", MANUAL → "ops", CALL → "confirmed on a call". */
    static String sourceLabel(Object causeSource) {
        return switch (String.valueOf(causeSource)) {
            case "CLASSIFIER" -> "classifier";
            case "MANUAL" -> "ops";
            case "CALL" -> "confirmed on a call";
            default -> humanized(String.valueOf(causeSource));
        };
    }

    /** A code field that may be absent from the API's answer (nulls are left out): {a.human('outcome')}. */
    static String human(java.util.Map<?, ?> map, String key) {
        Object v = map.get(key);
        return humanized(v == null ? null : v.toString());
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static DecimalFormat grouped(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    }
}
