package io.lossreview.simulator;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhrasesTest {

    private static final Phrases.Context CONTEXT = new Phrases.Context("Quillstack", "Maya Rossi", "VP Finance", 40);

    @Test
    void hundredsOfPhrasingsPerCauseInBothVoices() {
        for (Cause cause : Cause.values()) {
            for (Phrases.Voice voice : Phrases.Voice.values()) {
                Rand r = new Rand(cause.ordinal() * 10L + voice.ordinal());
                Set<String> distinct = new HashSet<>();
                for (int i = 0; i < 1000; i++) {
                    String text = Phrases.get().compose(cause, voice, r, CONTEXT);
                    assertFalse(text.contains("{") || text.contains("}"), "unfilled slot: " + text);
                    assertFalse(text.isBlank());
                    assertTrue(text.length() < 600, text);
                    distinct.add(text);
                }
                assertTrue(distinct.size() >= 300, cause + " " + voice + ": only " + distinct.size() + " phrasings");
            }
        }
    }

    @Test
    void textsReadLikePeopleWroteThem() {
        Rand r = new Rand(99);
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            texts.add(Phrases.get().compose(Cause.values()[i % Cause.values().length], Phrases.Voice.values()[i % 2], r, CONTEXT));
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains("to expensive") || t.contains("expencive")), "price typos");
        assertTrue(texts.stream().anyMatch(t -> t.contains("suport") || t.contains("Suport")), "support typos");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Not ") && t.contains(", really ")), "negations");
        assertTrue(texts.stream().anyMatch(t -> t.contains("Quillstack")), "competitor named");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("They ") || t.contains(" they ")), "CRM third person");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("We ") || t.contains(" we ")), "billing first person");
        assertTrue(texts.stream().anyMatch(t -> t.equals(t.toLowerCase(java.util.Locale.ROOT))), "some typed in lower case");
    }
}
