package de.stadtlabore.access.apikeys;

import java.time.Duration;
import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Too many failed API-key attempts from one client: an authentication failure that carries how
 * long to wait, answered with 429 and {@code Retry-After}.
 */
public final class ThrottledException {

    private static final String RETRY_AFTER = "stadtlabore.retry-after";

    private ThrottledException() {
    }

    public static AuthenticationFailedException of(Duration retryAfter) {
        return new AuthenticationFailedException("Too many failed API key attempts", Map.of(RETRY_AFTER, retryAfter));
    }

    /** How long the client must wait, if this failure is a throttling one; null otherwise. */
    public static Duration retryAfter(Throwable failure) {
        return failure instanceof AuthenticationFailedException e ? e.getAttribute(RETRY_AFTER) : null;
    }
}
