package de.stadtlabore.common.problem;

import java.time.Duration;
import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;

/**
 * A client that tried too often: an authentication failure that carries how long to wait, answered
 * with 429 and {@code Retry-After}.
 */
public final class Throttling {

    private static final String RETRY_AFTER = "stadtlabore.retry-after";

    private Throttling() {
    }

    public static AuthenticationFailedException failure(Duration retryAfter) {
        return new AuthenticationFailedException("Too many failed attempts", Map.of(RETRY_AFTER, retryAfter));
    }

    /** How long the client must wait, if this failure is a throttling one; null otherwise. */
    public static Duration retryAfter(Throwable failure) {
        return failure instanceof AuthenticationFailedException e ? e.getAttribute(RETRY_AFTER) : null;
    }
}
