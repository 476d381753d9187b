package io.lossreview.analyzer.classify.learned;

/**
 * A model's feature names to their ids, looked up by a 64-bit hash of the name in one flat array. A text model has
 * hundreds of thousands of features and a text asks for a few hundred of them (its words, word pairs and character
 * n-grams): in a HashMap each lookup chases three or four objects across the heap, here it reads one cache line. A
 * name not in the model matches one that is only if their 64-bit hashes are equal: with a million features and a few
 * hundred lookups a text, about once in 10^11 texts, and then it adds one feature's small weight.
 */
final class FeatureIndex {

    private static final long EMPTY = 0L;
    /** Each slot: the name's hash (never 0), then its id. */
    private final long[] slots;
    private final int mask;

    /** The names, each one's id its position. */
    FeatureIndex(String[] names) {
        int capacity = Integer.highestOneBit(Math.max(4, names.length * 2) - 1) << 1;
        this.slots = new long[capacity * 2];
        this.mask = capacity - 1;
        for (int id = 0; id < names.length; id++) {
            long hash = hash(names[id]);
            int slot = (int) (hash ^ (hash >>> 32)) & mask;
            while (slots[slot * 2] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot * 2] = hash;
            slots[slot * 2 + 1] = id;
        }
    }

    /** The feature's id, or -1 when the model does not have it. */
    int id(String name) {
        long hash = hash(name);
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (true) {
            long stored = slots[slot * 2];
            if (stored == hash) {
                return (int) slots[slot * 2 + 1];
            }
            if (stored == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** 64-bit FNV-1a over the name's UTF-16 code units, finished by a mixer so nearby names spread; never 0. */
    static long hash(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }
}
