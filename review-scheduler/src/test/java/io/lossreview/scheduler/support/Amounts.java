package io.lossreview.scheduler.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;

/** Compares decimals by value: the scale ("11" or "11.00") is the analyzer's business, the amount is ours. */
public final class Amounts {

    private Amounts() {
    }

    public static void assertAmount(String expected, BigDecimal actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }
}
