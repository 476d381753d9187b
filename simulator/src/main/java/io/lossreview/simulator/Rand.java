package io.lossreview.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded randomness built only on {@link SplittableRandom#nextLong()} (SplitMix64, unchanged since JDK 8): the bounded
 * and floating helpers below are our own, so the same seed gives the same stream on every JDK. Not thread-safe.
 */
final class Rand {

    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final SplittableRandom random;

    Rand(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An independent generator: what it draws does not shift this one's later draws beyond this one call. */
    Rand child() {
        return new Rand(random.nextLong());
    }

    long nextLong() {
        return random.nextLong();
    }

    /** Uniform in [0, 1). */
    double unit() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return unit() < p;
    }

    /** Uniform in [lo, hi], both inclusive. */
    long between(long lo, long hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range " + lo + ".." + hi);
        }
        return lo + Math.floorMod(random.nextLong(), hi - lo + 1); // bias < 2^-40 for our ranges
    }

    int between(int lo, int hi) {
        return (int) between((long) lo, hi);
    }

    /** Skewed towards lo: most customers are small, a few are large. */
    long skewed(long lo, long hi) {
        double u = unit();
        return lo + (long) ((hi - lo) * u * u);
    }

    <T> T pick(List<T> items) {
        return items.get(between(0, items.size() - 1));
    }

    <T> T pick(T[] items) {
        return items[between(0, items.length - 1)];
    }

    /** Index drawn in proportion to the weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = unit() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Whole second uniform in [from, to]. */
    Instant instantBetween(Instant from, Instant to) {
        return from.plusSeconds(between(0, Math.max(0, to.getEpochSecond() - from.getEpochSecond())));
    }

    Duration seconds(Duration min, Duration max) {
        return Duration.ofSeconds(between(min.toSeconds(), max.toSeconds()));
    }

    String base36(int length) {
        return chars(BASE36, length);
    }

    String base62(int length) {
        return chars(BASE62, length);
    }

    private String chars(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(between(0, alphabet.length() - 1)));
        }
        return sb.toString();
    }

    /** A version-4 UUID whose bits come from this generator. */
    UUID uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
