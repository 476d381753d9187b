package io.lossreview.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The input rules every service reads JSON under. */
class InputGuardTest {

    private static final ObjectMapper STRICT = InputGuard.strictReader(ContractJson.mapper());

    @Test
    void utf8AgreesWithTheJdksStrictDecoderOnRandomAndEdgeBytes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(12)];
            random.nextBytes(b);
            assertEquals(jdkAccepts(b), InputGuard.utf8(b, "") == null, () -> java.util.HexFormat.of().formatHex(b));
        }
        for (String hex : List.of("c080", "eda080", "edbfbf", "f4908080", "f8888080", "e282", "c328", "80", "ff",
                "c2a9", "e282ac", "f09f9880", "efbfbf", "f48fbfbf", "")) {
            byte[] b = java.util.HexFormat.of().parseHex(hex);
            assertEquals(jdkAccepts(b), InputGuard.utf8(b, "") == null, hex);
        }
    }

    @Test
    void refusesNulControlCharactersAndUnpairedSurrogatesInValuesAndNames() {
        assertEquals("control-character", parse("{\"a\":\"x\\u0000y\"}").violations().get(0).rule());
        assertEquals("/a/b", parse("{\"a\":{\"b\":\"\\u001b\"}}").violations().get(0).pointer());
        assertEquals("unpaired-surrogate", parse("{\"a\":[\"\\ud800\"]}").violations().get(0).rule());
        assertEquals("unpaired-surrogate", parse("{\"a\":\"\\udc00x\"}").violations().get(0).rule());
        assertEquals("control-character", parse("{\"a\\u0000\":1}").violations().get(0).rule());
        assertTrue(parse("{\"a\":\"tab\\tCR\\rLF\\n \\ud83d\\ude00 é\"}").ok(), "tab, CR, LF and pairs are text");
    }

    @Test
    void refusesDuplicateKeysDeepNestingAndNumbersOutOfRange() {
        assertEquals("json", parse("{\"a\":1,\"a\":2}").violations().get(0).rule());
        assertEquals("json", parse("[".repeat(40) + "]".repeat(40)).violations().get(0).rule());
        assertTrue(parse("[".repeat(30) + "]".repeat(30)).ok());
        assertEquals("number-range", parse("{\"a\":1e999999999}").violations().get(0).rule());
        assertEquals("json", parse("{\"a\":" + "9".repeat(100) + "}").violations().get(0).rule());
        assertEquals("payload-size", InputGuard.parse(new byte[11], STRICT, 10).violations().get(0).rule());
        assertEquals("json", parse("").violations().get(0).rule());
    }

    @Test
    void safeTextCanBeStoredWhateverCameIn() {
        assertEquals("a\uFFFDb\uFFFDc\uD83D\uDE00", InputGuard.safe("a\u0000b\uD800c\uD83D\uDE00", 100));
        assertEquals("ab", InputGuard.safe("ab\uD83D\uDE00", 3), "never half a pair");
        assertNull(InputGuard.safe(null, 5));
        assertNotNull(InputGuard.text("\u0007", "/x"));
    }

    private static InputGuard.Parsed parse(String json) {
        return InputGuard.parse(json.getBytes(StandardCharsets.UTF_8), STRICT, 1 << 20);
    }

    private static boolean jdkAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
