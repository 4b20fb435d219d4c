package de.stadtlabore.access.apikeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import de.stadtlabore.access.IdentityConfig;

/**
 * Slows down guessing: a client address with too many failed API-key attempts within the window
 * is refused for the rest of it. Counted per replica, in memory, for at most
 * {@link #MAX_TRACKED_CLIENTS} addresses: when that many are tracked, expired windows go first,
 * then those with the fewest failures, so that the map never grows without bound.
 */
@Singleton
public class FailedAttemptThrottle {

    static final int MAX_TRACKED_CLIENTS = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final int capacity;

    @Inject
    FailedAttemptThrottle(IdentityConfig config, Clock clock) {
        this(config.apiKeyMaxFailures(), config.apiKeyFailureWindow(), clock, MAX_TRACKED_CLIENTS);
    }

    FailedAttemptThrottle(int maxFailures, Duration window, Clock clock, int capacity) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.capacity = capacity;
    }

    /** How long the client must still wait, or {@link Duration#ZERO} if it may try. */
    public Duration retryAfter(String client) {
        Window current = windows.get(client);
        if (current == null || current.failures() < maxFailures) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), current.start().plus(window));
        if (left.isNegative() || left.isZero()) {
            windows.remove(client, current);
            return Duration.ZERO;
        }
        return left;
    }

    public void recordFailure(String client) {
        Instant now = clock.instant();
        if (windows.size() >= capacity && !windows.containsKey(client)) {
            makeRoom(now);
        }
        windows.compute(client, (key, current) -> current == null || expired(current, now)
                ? new Window(now, 1)
                : new Window(current.start(), current.failures() + 1));
    }

    /** Drops expired windows; if none expired, the tenth of the windows with the fewest failures. */
    private synchronized void makeRoom(Instant now) {
        windows.entrySet().removeIf(e -> expired(e.getValue(), now));
        if (windows.size() >= capacity) {
            windows.entrySet().stream().sorted(java.util.Comparator.comparingInt(e -> e.getValue().failures()))
                    .limit(Math.max(1, capacity / 10)).map(Map.Entry::getKey).toList().forEach(windows::remove);
        }
    }

    /** How many clients it keeps track of. */
    int tracked() {
        return windows.size();
    }

    private boolean expired(Window w, Instant now) {
        return w.start().plus(window).isBefore(now);
    }
}
