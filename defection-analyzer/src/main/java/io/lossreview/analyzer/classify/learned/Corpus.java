package io.lossreview.analyzer.classify.learned;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.lossreview.analyzer.classify.ClassificationInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The labelled corpus of stated reasons in the classpath (classifier/corpus, see its README): the training split
 * the model learns from and the held-out split it is only ever measured on.
 */
public final class Corpus {

    /** The languages the corpus has, each with its own file per split. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

    /** Which rows: the model learns from TRAIN only; HELD_OUT is for measuring, never for tuning. */
    public enum Split {
        TRAIN("train"), HELD_OUT("held-out");

        final String directory;

        Split(String directory) {
            this.directory = directory;
        }
    }

    /** One labelled reason: what the event would carry, and the cause people gave it. */
    public record Row(String id, String language, String voice, String expected, String secondary,
                      ClassificationInput input) {
    }

    private Corpus() {
    }

    /** Every row of the split, all languages. */
    public static List<Row> rows(Split split) {
        List<Row> rows = new ArrayList<>();
        for (String language : LANGUAGES) {
            rows.addAll(rows(split, language));
        }
        return rows;
    }

    public static List<Row> rows(Split split, String language) {
        return rows(split, language, Integer.MAX_VALUE);
    }

    /** The first rows of the split's file in that language, at most {@code limit}. */
    public static List<Row> rows(Split split, String language, int limit) {
        String path = path(split, language);
        CsvMapper csv = new CsvMapper();
        try (InputStream in = open(path)) {
            List<Row> rows = new ArrayList<>();
            try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
                while (it.hasNext() && rows.size() < limit) {
                    Map<String, String> r = it.next();
                    rows.add(new Row(r.get("id"), r.get("language"), r.get("voice"), r.get("expected"), blank(r.get("secondary")),
                            new ClassificationInput(blank(r.get("billingReasonCode")), null, blank(r.get("crmReasonCode")),
                                    r.get("text"), blank(r.get("competitor")), !"false".equals(r.get("voluntary")))));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("the corpus file " + path + " is unreadable", e);
        }
    }

    /** The split's file in that language as it is stored: what fingerprints the corpus without parsing it. */
    public static byte[] bytes(Split split, String language) {
        String path = path(split, language);
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the corpus file " + path + " is unreadable", e);
        }
    }

    private static String path(Split split, String language) {
        return "classifier/corpus/" + split.directory + "/" + language + ".csv";
    }

    private static InputStream open(String path) {
        InputStream in = Corpus.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("the corpus file " + path + " is not on the classpath");
        }
        return in;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
