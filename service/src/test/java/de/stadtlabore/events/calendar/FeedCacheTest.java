package de.stadtlabore.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FeedCacheTest {

    private static final FeedCache.Key NETWORK = new FeedCache.Key("Stadtlabore", false, null, null, null);

    private static FeedCache cache(Duration ttl) {
        FeedCache cache = new FeedCache();
        cache.ttl = ttl;
        return cache;
    }

    @Test
    void concurrentRequestsForOneFeedRenderItOnce() throws Exception {
        FeedCache cache = cache(Duration.ofMinutes(1));
        AtomicInteger renderings = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(16);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<FeedCache.Feed>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> {
                    allAsking.countDown();
                    allAsking.await();
                    return cache.get(NETWORK, () -> {
                        renderings.incrementAndGet();
                        sleep(200);
                        return "BEGIN:VCALENDAR";
                    });
                }));
            }
            for (Future<FeedCache.Feed> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).body()).asString().isEqualTo("BEGIN:VCALENDAR");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(renderings).hasValue(1);
    }

    @Test
    void aCommittedChangeOrTheEndOfTheTimeToLiveRendersAgain() {
        FeedCache cache = cache(Duration.ofMillis(300));
        AtomicInteger renderings = new AtomicInteger();
        String first = cache.get(NETWORK, () -> "v" + renderings.incrementAndGet()).etag();
        assertThat(cache.get(NETWORK, () -> "v" + renderings.incrementAndGet()).etag()).isEqualTo(first);
        cache.drop(new FeedCache.Changed());
        assertThat(cache.get(NETWORK, () -> "v" + renderings.incrementAndGet()).body()).asString().isEqualTo("v2");
        sleep(400);
        assertThat(cache.get(NETWORK, () -> "v" + renderings.incrementAndGet()).body()).asString().isEqualTo("v3");
        FeedCache.Key lab = new FeedCache.Key("Stadtlabore – soest", false, "soest", null, null);
        assertThat(cache.get(lab, () -> "lab").body()).asString().isEqualTo("lab");
    }

    @Test
    void aFailedRenderingIsNotKept() {
        FeedCache cache = cache(Duration.ofMinutes(1));
        FeedCache.Key missing = new FeedCache.Key("Stadtlabore", false, null, null, UUID.randomUUID());
        assertThatThrownBy(() -> cache.get(missing, () -> {
            throw new IllegalStateException("not found");
        })).hasMessage("not found");
        assertThat(cache.get(missing, () -> "now there").body()).asString().isEqualTo("now there");
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        FeedCache cache = cache(Duration.ZERO);
        AtomicInteger renderings = new AtomicInteger();
        cache.get(NETWORK, () -> "v" + renderings.incrementAndGet());
        cache.get(NETWORK, () -> "v" + renderings.incrementAndGet());
        assertThat(renderings).hasValue(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
