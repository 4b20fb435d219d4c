package de.stadtlabore.events.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import de.stadtlabore.common.http.ETags;

/**
 * Rendered calendar feeds, shared by every caller of this replica for a short time. Calendar
 * apps poll the same few feeds over and over; the network's feed of a large network is megabytes,
 * and each rendering loads every event it carries. One request renders a feed while others asking
 * for it wait for that rendering instead of starting their own.
 * <p>
 * A change to an event committed on this replica drops every kept feed at once; changes made on
 * another replica, or to a lab's name or address, reach a feed within {@code
 * stadtlabore.calendar.feed-cache-ttl} (0 keeps nothing).
 */
@ApplicationScoped
public class FeedCache {

    /** A feed as sent, with its entity tag. */
    public record Feed(byte[] body, String etag) {
    }

    /** What a feed shows: its name and whether network events are in, narrowed to a lab, a municipality or an event. */
    record Key(String name, boolean network, String lab, String municipality, UUID event) {
    }

    /** Fired (after commit) by writes that change what feeds show. */
    public record Changed() {
    }

    /** More distinct feeds than this are not kept: the cache starts over. */
    static final int MAX_FEEDS = 512;

    private record Entry(CompletableFuture<Feed> feed, long expiresAt, long generation) {
    }

    private final ConcurrentHashMap<Key, Entry> feeds = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @ConfigProperty(name = "stadtlabore.calendar.feed-cache-ttl", defaultValue = "PT1M")
    Duration ttl;

    /** The feed for the key: kept, being rendered by another request, or rendered now. */
    Feed get(Key key, Supplier<String> render) {
        if (ttl.isZero()) {
            return feed(render.get());
        }
        while (true) {
            long now = System.nanoTime();
            long current = generation.get();
            Entry kept = feeds.get(key);
            if (kept != null && kept.generation() == current && kept.expiresAt() - now > 0) {
                try {
                    return kept.feed().join();
                } catch (CompletionException e) {
                    feeds.remove(key, kept);
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
            Entry mine = new Entry(new CompletableFuture<>(), now + ttl.toNanos(), current);
            boolean claimed = kept == null ? feeds.putIfAbsent(key, mine) == null : feeds.replace(key, kept, mine);
            if (!claimed) {
                continue;
            }
            if (feeds.size() > MAX_FEEDS) {
                feeds.keySet().removeIf(other -> !other.equals(key));
            }
            try {
                Feed feed = feed(render.get());
                mine.feed().complete(feed);
                return feed;
            } catch (RuntimeException e) {
                feeds.remove(key, mine);
                mine.feed().completeExceptionally(e);
                throw e;
            }
        }
    }

    void drop(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        generation.incrementAndGet();
        feeds.clear();
    }

    private static Feed feed(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new Feed(body, ETags.of(body));
    }
}
