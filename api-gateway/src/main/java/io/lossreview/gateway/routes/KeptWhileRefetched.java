package io.lossreview.gateway.routes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values fetched by key and kept for a moment, refetched in the caller's own thread and served stale meanwhile: once a
 * value's time is up, the next caller fetches it again while concurrent callers are still given the one kept, for at
 * most {@code staleMax} more. So under load only one caller a period waits for a fetch, and the fetch runs in that
 * caller's request (its identity and context), never in a background thread outliving it. Concurrent callers of a key
 * with nothing usable kept wait for one fetch. {@link #forgetAll()} drops everything kept, and a fetch that was running
 * meanwhile keeps nothing, nor is it joined by later callers. Failures are never kept. Thread-safe.
 *
 * <p>Nothing here holds a lock while fetching (Caffeine's loading caches compute under the map's lock, which would
 * make {@link #forgetAll()} wait for a running fetch): the kept values are a plain bounded Caffeine cache, the running
 * fetches a map of futures.
 */
final class KeptWhileRefetched<V> {

    private record Kept<V>(V value, long fetchedAt) {
    }

    /** A fetch, by key and by the generation it started in: after a forget, nobody joins an older one. */
    private record Running(String key, long generation) {
    }

    private final Function<String, V> fetch;
    private final long keepNanos;
    private final long usableNanos;
    private final LongSupplier nanoTime;
    private final Cache<String, Kept<V>> kept;
    private final Map<Running, CompletableFuture<V>> running = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param keep     how long a value is served without fetching it again
     * @param staleMax how much longer it is served to other callers while one caller fetches it again
     * @param nanoTime the clock ({@code System::nanoTime})
     */
    KeptWhileRefetched(Function<String, V> fetch, Duration keep, Duration staleMax, int maxKeys, LongSupplier nanoTime) {
        if (keep.isNegative() || staleMax.isNegative()) {
            throw new IllegalArgumentException("keep and staleMax must not be negative: " + keep + ", " + staleMax);
        }
        this.fetch = fetch;
        this.keepNanos = keep.toNanos();
        this.usableNanos = keep.plus(staleMax).toNanos();
        this.nanoTime = nanoTime;
        this.kept = Caffeine.newBuilder().maximumSize(maxKeys).build();
    }

    V get(String key) {
        Kept<V> k = kept.getIfPresent(key);
        long now = nanoTime.getAsLong();
        if (k != null && now - k.fetchedAt() < keepNanos) {
            return k.value();
        }
        long startedIn = generation.get();
        Running mine = new Running(key, startedIn);
        CompletableFuture<V> result = new CompletableFuture<>();
        CompletableFuture<V> other = running.putIfAbsent(mine, result);
        if (other != null) {
            return k != null && now - k.fetchedAt() < usableNanos ? k.value() : join(other);
        }
        try {
            V value = fetch.apply(key);
            if (generation.get() == startedIn) {
                Kept<V> fetched = new Kept<>(value, now);
                kept.put(key, fetched);
                if (generation.get() != startedIn) { // forgotten between the check and the put
                    kept.asMap().remove(key, fetched);
                }
            }
            result.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(mine, result);
        }
    }

    /** Nothing kept is served again, and no fetch running now is kept or joined. */
    void forgetAll() {
        generation.incrementAndGet();
        kept.invalidateAll();
    }

    /** The future's value, or its failure as thrown (a RuntimeException unwrapped). */
    static <V> V join(CompletableFuture<V> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
