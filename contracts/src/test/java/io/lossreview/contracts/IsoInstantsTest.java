package io.lossreview.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fast path reads every instant Instant.parse reads, to the same value, and lets no junk through. */
class IsoInstantsTest {

    private static final ObjectMapper MAPPER = ContractJson.mapper();

    @ParameterizedTest
    @ValueSource(strings = {"2026-10-31T15:11:53Z", "2026-10-31T15:11:53.091Z", "2025-01-01T00:00:00.123456789+05:30",
            "2024-02-29T23:59:59-08:00", "2025-01-01T23:59:60Z", "1970-01-01T00:00:00Z"})
    void sameInstantAsTheJdk(String text) throws Exception {
        assertEquals(Instant.parse(text), IsoInstants.parse(text));
        assertEquals(Instant.parse(text), MAPPER.readValue('"' + text + '"', Instant.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-01t00:00:00z", "2025-01-01 00:00:00Z"})
    void readsRfc3339TheJdkRefused(String text) {
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), IsoInstants.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-01T00:00:00Zjunk", "2025-02-30T00:00:00Z", "2025-01-01", "yesterday"})
    void refusesWhatIsNoInstant(String text) {
        assertThrows(DateTimeException.class, () -> IsoInstants.parse(text));
        assertThrows(InvalidFormatException.class, () -> MAPPER.readValue('"' + text + '"', Instant.class));
    }

    @Test
    void recordsAndNumbersStillMap() throws Exception {
        SubscriptionCancelled s = MAPPER.readValue("""
                {"customerId":"c1","subscriptionId":"s1","mrr":{"amount":"10.00","currency":"EUR"},
                 "cancelledAt":"2026-10-31T15:11:53.091Z"}""", SubscriptionCancelled.class);
        assertEquals(Instant.parse("2026-10-31T15:11:53.091Z"), s.cancelledAt());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), MAPPER.readValue("1700000000", Instant.class));
    }
}
