package io.lossreview.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pure logic with a hand-set clock: which caller fetches, who is served what is kept, and who waits. */
class KeptWhileRefetchedTest {

    private static final Duration KEEP = Duration.ofSeconds(1);
    private static final Duration STALE_MAX = Duration.ofSeconds(5);

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger fetches = new AtomicInteger();
    /** The held fetch's caller and those arriving meanwhile, each on its own thread. */
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final CountDownLatch fetching = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    /** Fetches "v1", "v2"...; the fetch of version {@code held} signals {@link #fetching} and waits for {@link #release}. */
    private Function<String, String> holdingFetch(int held) {
        AtomicInteger version = new AtomicInteger();
        return key -> {
            int v = version.incrementAndGet();
            if (v == held) {
                fetching.countDown();
                await(release);
            }
            return "v" + v;
        };
    }

    private KeptWhileRefetched<String> kept(Function<String, String> fetch) {
        return new KeptWhileRefetched<>(key -> {
            fetches.incrementAndGet();
            return fetch.apply(key);
        }, KEEP, STALE_MAX, 10, clock::get);
    }

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void keptForItsTimeThenFetchedAgainByTheNextCaller() {
        AtomicInteger version = new AtomicInteger();
        KeptWhileRefetched<String> kept = kept(key -> key + " v" + version.incrementAndGet());
        assertEquals("2024-04 v1", kept.get("2024-04"));
        advance(Duration.ofMillis(999));
        assertEquals("2024-04 v1", kept.get("2024-04"));
        assertEquals(1, fetches.get());
        advance(Duration.ofMillis(1));
        assertEquals("2024-04 v2", kept.get("2024-04"), "the caller that fetches gets the new value");
        assertEquals("2024-05 v3", kept.get("2024-05"), "each key its own");
        assertEquals(3, fetches.get());
    }

    @Test
    void othersAreServedWhatIsKeptWhileOneCallerFetchesAgain() throws Exception {
        KeptWhileRefetched<String> kept = kept(holdingFetch(2));
        kept.get("m");
        advance(Duration.ofSeconds(2));
        CompletableFuture<String> refetcher = CompletableFuture.supplyAsync(() -> kept.get("m"), callers);
        assertEquals(true, fetching.await(10, TimeUnit.SECONDS));
        assertEquals("v1", kept.get("m"), "served the one kept, not waiting");
        assertEquals("v1", kept.get("m"));
        advance(STALE_MAX);
        CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> kept.get("m"), callers);
        Thread.sleep(200);
        assertEquals(false, waiter.isDone(), "too old to serve: waits for the running fetch");
        release.countDown();
        assertEquals("v2", refetcher.get(10, TimeUnit.SECONDS));
        assertEquals("v2", waiter.get(10, TimeUnit.SECONDS));
        assertEquals(2, fetches.get(), "one fetch for all of them");
    }

    @Test
    void forgettingDropsWhatIsKeptAndWhatARunningFetchBrings() throws Exception {
        KeptWhileRefetched<String> kept = kept(holdingFetch(1));
        CompletableFuture<String> before = CompletableFuture.supplyAsync(() -> kept.get("m"), callers);
        assertEquals(true, fetching.await(10, TimeUnit.SECONDS));
        kept.forgetAll(); // a write, while the first fetch is still running
        assertEquals("v2", kept.get("m"), "a caller after the write neither joins nor is served the older fetch");
        release.countDown();
        assertEquals("v1", before.get(10, TimeUnit.SECONDS), "the caller that started it still gets its answer");
        assertEquals("v2", kept.get("m"), "and the older fetch was not kept over the newer");
        kept.forgetAll();
        assertEquals("v3", kept.get("m"));
    }

    @Test
    void failuresAreNotKept() {
        AtomicInteger version = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        KeptWhileRefetched<String> kept = kept(key -> {
            if (failing.get() > 0) {
                failing.decrementAndGet();
                throw new IllegalStateException("service down");
            }
            return "v" + version.incrementAndGet();
        });
        kept.get("m");
        advance(Duration.ofSeconds(2));
        failing.set(1);
        assertThrows(IllegalStateException.class, () -> kept.get("m"), "the caller that fetched sees the failure");
        assertEquals("v2", kept.get("m"), "nothing kept of the failure: the next caller fetches");
        assertEquals(3, fetches.get());
    }

    @Test
    void refusesNegativeDurations() {
        assertThrows(IllegalArgumentException.class,
                () -> new KeptWhileRefetched<String>(k -> k, Duration.ofSeconds(-1), STALE_MAX, 10, clock::get));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
