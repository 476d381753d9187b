package io.lossreview.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the pages print, as people read it. */
class PageFormatsTest {

    @Test
    void instantsAreReadableNotIso() {
        assertEquals("5 Dec 2026, 16:18 UTC", PageFormats.when("2026-12-05T16:18:07.876119158Z"));
        assertEquals("—", PageFormats.when(null));
        assertEquals("yesterday", PageFormats.when("yesterday"), "not an instant: shown as it came");
    }

    @Test
    void moneyCarriesItsCurrencyAndChangesTheirSign() {
        assertEquals("$11.4M", PageFormats.compactMoney("11403245.16", "$"));
        assertEquals("\u2212$530K", PageFormats.signedMoney("-530300", "$"));
        assertEquals("+\u20AC2.8M", PageFormats.signedMoney("2800000", PageFormats.symbol("EUR")));
        assertEquals("0.27%", PageFormats.rate("0.002700"));
        assertEquals("2.3%", PageFormats.rate("0.023481"));
    }
}
