package io.lossreview.scheduler.packet.render;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PacketFormatsTest {

    private static final String MINUS = "\u2212";

    @Test
    void moneyInWholeUnitsWithTheCurrencySymbol() {
        assertEquals("$1,234,568", Formats.money(new BigDecimal("1234567.50"), "USD"));
        assertEquals("\u20AC1,234", Formats.money(new BigDecimal("1234.00"), "EUR"));
        assertEquals("\u00A30", Formats.money(BigDecimal.ZERO, "GBP"));
        assertEquals("CHF 9,999", Formats.money(new BigDecimal("9999"), "CHF"));
        assertEquals(MINUS + "$12", Formats.money(new BigDecimal("-12.00"), "USD"));
        assertEquals("\u2014", Formats.money(null, "USD"));
    }

    @Test
    void changesCarryTheirSign() {
        assertEquals("+$529,300", Formats.signedMoney(new BigDecimal("529300.00"), "USD"));
        assertEquals(MINUS + "$4,000", Formats.signedMoney(new BigDecimal("-4000.00"), "USD"));
        assertEquals("$0", Formats.signedMoney(new BigDecimal("0.00"), "USD"));
        assertEquals("+38", Formats.signedCount(new BigDecimal("38")));
        assertEquals(MINUS + "4", Formats.signedCount(new BigDecimal("-4.00")));
        assertEquals("+21.7", Formats.signedCount(new BigDecimal("21.67")), "against an average");
        assertEquals("0", Formats.signedCount(BigDecimal.ZERO));
        assertEquals("+12.3%", Formats.signedPercent(new BigDecimal("12.3")));
        assertEquals(MINUS + "4.0%", Formats.signedPercent(new BigDecimal("-4")));
        assertEquals("n/a", Formats.signedPercent(null));
    }

    @Test
    void compactMoneyForChangesAndCharts() {
        assertEquals("+$739K", Formats.signedCompactMoney(new BigDecimal("739000.00"), "USD"));
        assertEquals(MINUS + "$121K", Formats.signedCompactMoney(new BigDecimal("-121000"), "USD"));
        assertEquals("+\u20AC1.3M", Formats.signedCompactMoney(new BigDecimal("1290000"), "EUR"));
        assertEquals("$0", Formats.signedCompactMoney(BigDecimal.ZERO, "USD"));
        assertEquals("$1.5M", Formats.compactMoney(new BigDecimal("1480200.00"), "USD"));
        assertEquals("CHF 800", Formats.compactMoney(new BigDecimal("800"), "CHF"));
    }

    @Test
    void excerptsAreCutAtAWord() {
        assertEquals("short", Formats.excerpt(" short ", 10));
        assertEquals("one two\u2026", Formats.excerpt("one two three", 10));
        assertEquals("", Formats.excerpt(null, 10));
    }

    @Test
    void moreLossesIsWorse() {
        assertEquals("worse", Formats.direction(new BigDecimal("1")));
        assertEquals("better", Formats.direction(new BigDecimal("-0.5")));
        assertEquals("flat", Formats.direction(BigDecimal.ZERO));
        assertEquals("flat", Formats.direction(null));
    }

    @Test
    void sharesAndCounts() {
        assertEquals("61.5%", Formats.share(new BigDecimal("0.6154")));
        assertEquals("100.0%", Formats.share(new BigDecimal("1.0000")));
        assertEquals("1,873", Formats.count(1873));
        assertEquals("390.3", Formats.decimalCount(new BigDecimal("390.33")));
        assertEquals("374", Formats.decimalCount(new BigDecimal("374.00")));
    }

    @Test
    void datesAndMonths() {
        assertEquals("March 2026", Formats.monthTitle(YearMonth.of(2026, 3)));
        assertEquals("Feb 2026", Formats.monthMedium(YearMonth.of(2026, 2)));
        assertEquals("Jan 26", Formats.monthShort(YearMonth.of(2026, 1)));
        assertEquals("5 Apr 2026", Formats.date(LocalDate.of(2026, 4, 5)));
        assertEquals("2 Apr 2026, 06:00 UTC", Formats.when(Instant.parse("2026-04-02T06:00:59Z"), ZoneOffset.UTC));
        assertEquals("2 Apr 2026, 08:00 CEST", Formats.when(Instant.parse("2026-04-02T06:00:59Z"), ZoneId.of("Europe/Berlin")),
                "in the business time zone");
        assertEquals("\u2014", Formats.when(null, ZoneOffset.UTC));
    }

    @Test
    void codesBecomeWordsButTextAndAcronymsStay() {
        assertEquals("In progress", Formats.humanize("IN_PROGRESS"));
        assertEquals("Price / budget", Formats.humanize("Price / budget"));
        assertEquals("SMB", Formats.bucket("SMB"));
        assertEquals("EMEA", Formats.bucket("EMEA"));
        assertEquals("Mid market", Formats.bucket("MID_MARKET"));
    }

    @Test
    void textDropsWhatXmlCannotCarry() {
        assertEquals("a\nb", Formats.text(" a\nb\u0007\u0000 "));
        assertEquals("ok \uD83D\uDE00", Formats.text("ok \uD83D\uDE00"), "emoji pairs are kept");
        assertEquals("lone", Formats.text("lone\uD800"), "a lone surrogate is dropped");
        assertEquals("", Formats.text(null));
        assertEquals("<b> & \"q\"", Formats.text("<b> & \"q\""), "escaping is the template's job");
    }
}
