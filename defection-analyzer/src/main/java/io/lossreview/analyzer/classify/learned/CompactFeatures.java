package io.lossreview.analyzer.classify.learned;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A training row's features, read-only, in their order: two arrays, each name shared with every other row that has
 * it. Twenty thousand rows of a few hundred features each held as LinkedHashMaps of their own strings took more than
 * a 1.5 GB heap while the model trained; as these they take about a sixth of it.
 */
final class CompactFeatures extends AbstractMap<String, Double> {

    private final String[] names;
    private final double[] values;

    private CompactFeatures(String[] names, double[] values) {
        this.names = names;
        this.values = values;
    }

    /** @param shared the names other rows use, one copy each; new names are added to it */
    static CompactFeatures of(Map<String, Double> features, Map<String, String> shared) {
        String[] names = new String[features.size()];
        double[] values = new double[names.length];
        int i = 0;
        for (Map.Entry<String, Double> e : features.entrySet()) {
            names[i] = shared.computeIfAbsent(e.getKey(), k -> k);
            values[i++] = e.getValue();
        }
        return new CompactFeatures(names, values);
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Double> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return names.length;
            }

            @Override
            public Iterator<Map.Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, Double> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Double> e = new SimpleImmutableEntry<>(names[next], values[next]);
                        next++;
                        return e;
                    }
                };
            }
        };
    }
}
