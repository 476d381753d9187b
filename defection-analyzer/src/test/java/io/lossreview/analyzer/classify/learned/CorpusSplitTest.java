package io.lossreview.analyzer.classify.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.analyzer.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The corpus keeps its split: every row where its id's hash puts it (corpus README), and enough rows held out. */
class CorpusSplitTest {

    /** The German, French and Spanish rows of the first three rounds, of which half are held out. */
    private static final Pattern FIRST_HALF_HELD_OUT = Pattern.compile("(de|fr|es)-(b-|c-)?[0-9]+");

    @Test
    void everyRowIsInTheSplitItsIdSays() throws Exception {
        Set<String> ids = new HashSet<>();
        Set<String> causes = new HashSet<>(Taxonomy.defaults().codes());
        for (Corpus.Split split : Corpus.Split.values()) {
            for (String language : Corpus.LANGUAGES) {
                List<Corpus.Row> rows = Corpus.rows(split, language);
                for (Corpus.Row row : rows) {
                    assertTrue(ids.add(row.id()), "one row per id: " + row.id());
                    assertEquals(language, row.language(), row.id());
                    assertTrue(causes.contains(row.expected()), row.id() + ": " + row.expected());
                    assertTrue(row.secondary() == null || causes.contains(row.secondary()), row.id());
                    int hash = Byte.toUnsignedInt(MessageDigest.getInstance("SHA-256")
                            .digest(row.id().getBytes(StandardCharsets.UTF_8))[0]);
                    boolean heldOut = hash < (FIRST_HALF_HELD_OUT.matcher(row.id()).matches() ? 128 : 64);
                    assertEquals(heldOut, split == Corpus.Split.HELD_OUT, row.id() + " is in the wrong split");
                }
                if (split == Corpus.Split.HELD_OUT) {
                    assertTrue(rows.size() >= 150, language + " holds out only " + rows.size());
                }
            }
        }
    }
}
