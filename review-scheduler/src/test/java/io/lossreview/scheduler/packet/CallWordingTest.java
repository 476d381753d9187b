package io.lossreview.scheduler.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words PacketService gives the calls it assigns: the ranking's labels, the reporting currency, the business zone. */
class CallWordingTest {

    private final CallWording words = new CallWording(Map.of("PRODUCT_QUALITY", "Product quality"), "EUR",
            ZoneId.of("Europe/Berlin"));

    @Test
    void causesByTheirLabelAndCodesWithoutOneInWords() {
        assertEquals("Product quality", words.cause("PRODUCT_QUALITY"));
        assertEquals("Security review", words.cause("SECURITY_REVIEW"), "a cause the ranking does not list");
    }

    @Test
    void moneyPlacesAndMomentsAsThePacketWritesThem() {
        assertEquals("\u20AC424,587", words.money(new BigDecimal("424587.40")));
        assertEquals("Mid market", words.bucket("MID_MARKET"));
        assertEquals("EMEA", words.bucket("EMEA"));
        assertEquals("5 Dec 2026, 17:18 CET", words.when(Instant.parse("2026-12-05T16:18:07.876Z")));
    }
}
