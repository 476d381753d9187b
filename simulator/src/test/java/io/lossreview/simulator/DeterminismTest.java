package io.lossreview.simulator;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DeterminismTest {

    private static final String PINNED_EXPECTED_JSON = "87d20bf55bd11814d23839e9844a678ce678237a978db62c744cef7c9028e933";
    private static final String PINNED_STREAM = "1dc6751c06d0a9f10180f51039df2ac10eccfdb6d2dee43620e310d243b8155a";
    private static final SimulationConfig THREE_MONTHS = SimulationConfig.defaults(42, YearMonth.of(2025, 1), 3, 200);

    @Test
    void theSameSeedGivesTheSameStream() {
        SimulatedStream a = Simulation.generate(THREE_MONTHS);
        SimulatedStream b = Simulation.generate(THREE_MONTHS);
        assertEquals(a.events(), b.events()); // topic, key, headers (in order), value bytes and kind
        assertEquals(a.fxRates(), b.fxRates());
        assertEquals(a.expected(), b.expected());
        assertEquals(digest(a), digest(b));
    }

    @Test
    void aDifferentSeedGivesADifferentStream() {
        SimulatedStream a = Simulation.generate(THREE_MONTHS);
        SimulatedStream b = Simulation.generate(SimulationConfig.defaults(43, YearMonth.of(2025, 1), 3, 200));
        assertNotEquals(a.events().get(0), b.events().get(0));
        assertNotEquals(a.fxRates(), b.fxRates());
        assertNotEquals(a.expected().months(), b.expected().months());
        assertNotEquals(digest(a), digest(b));
    }

    @Test
    void threeMonthsOf200CustomersGiveByteIdenticalExpectedJson() {
        byte[] first = Simulation.generate(THREE_MONTHS).expected().toJson().getBytes(StandardCharsets.UTF_8);
        byte[] second = Simulation.generate(THREE_MONTHS).expected().toJson().getBytes(StandardCharsets.UTF_8);
        assertEquals(HexFormat.of().formatHex(sha256(first)), HexFormat.of().formatHex(sha256(second)));
        assertEquals(new String(first, StandardCharsets.UTF_8), new String(second, StandardCharsets.UTF_8));
    }

    /**
     * Pins the output across JVMs and runs: a change here means every stored expected-figures file is stale. If the
     * generator was changed on purpose, replace the digests with the new ones from the failure message.
     */
    @Test
    void theOutputForSeed42IsPinned() {
        SimulatedStream stream = Simulation.generate(THREE_MONTHS);
        String expectedJson = HexFormat.of().formatHex(sha256(stream.expected().toJson().getBytes(StandardCharsets.UTF_8)));
        assertEquals(PINNED_EXPECTED_JSON, expectedJson, "expected figures");
        assertEquals(PINNED_STREAM, digest(stream), "events and FX rates");
    }

    /** One digest over everything the stream publishes or writes. */
    static String digest(SimulatedStream stream) {
        MessageDigest md = sha();
        for (SimEvent e : stream.events()) {
            md.update((e.topic() + "\u0000" + e.key() + "\u0000" + e.headers() + "\u0000" + e.value() + "\u0000" + e.kind() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        md.update(FxRate.toCsv(stream.fxRates()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    private static byte[] sha256(byte[] bytes) {
        return sha().digest(bytes);
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
