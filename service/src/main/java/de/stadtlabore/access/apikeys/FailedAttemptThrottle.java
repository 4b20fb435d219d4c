package de.stadtlabore.access.apikeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import de.stadtlabore.access.IdentityConfig;

/**
 * Slows down guessing: a client address with too many failed API-key attempts within the window
 * is refused for the rest of it. Counted per replica, in memory.
 */
@ApplicationScoped
public class FailedAttemptThrottle {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    IdentityConfig config;

    /** How long the client must still wait, or {@link Duration#ZERO} if it may try. */
    public Duration retryAfter(String client) {
        Window window = windows.get(client);
        if (window == null || window.failures() < config.apiKeyMaxFailures()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), window.start().plus(config.apiKeyFailureWindow()));
        if (left.isNegative() || left.isZero()) {
            windows.remove(client, window);
            return Duration.ZERO;
        }
        return left;
    }

    public void recordFailure(String client) {
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED_CLIENTS) {
            windows.entrySet().removeIf(e -> e.getValue().start().plus(config.apiKeyFailureWindow()).isBefore(now));
        }
        windows.compute(client, (key, window) -> window == null
                || window.start().plus(config.apiKeyFailureWindow()).isBefore(now)
                        ? new Window(now, 1)
                        : new Window(window.start(), window.failures() + 1));
    }
}
