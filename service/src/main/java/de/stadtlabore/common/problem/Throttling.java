package de.stadtlabore.common.problem;

import java.time.Duration;
import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Authentication failures that carry how long to wait: a client that tried too often (429) and
 * a token whose identity provider cannot be reached (503), both with {@code Retry-After}.
 */
public final class Throttling {

    private static final String RETRY_AFTER = "stadtlabore.retry-after";
    private static final String PROVIDER_UNAVAILABLE = "stadtlabore.provider-unavailable";

    private Throttling() {
    }

    public static AuthenticationFailedException failure(Duration retryAfter) {
        return new AuthenticationFailedException("Too many failed attempts", Map.of(RETRY_AFTER, retryAfter));
    }

    public static AuthenticationFailedException providerUnavailable(Duration retryAfter) {
        return new AuthenticationFailedException("The token's identity provider cannot be reached",
                Map.of(RETRY_AFTER, retryAfter, PROVIDER_UNAVAILABLE, true));
    }

    /** How long the client must wait, if this failure carries it; null otherwise. */
    public static Duration retryAfter(Throwable failure) {
        AuthenticationFailedException e = find(failure);
        return e == null ? null : e.getAttribute(RETRY_AFTER);
    }

    /** Whether the failure is that of an identity provider, not of the client. */
    public static boolean providerUnavailable(Throwable failure) {
        AuthenticationFailedException e = find(failure);
        return e != null && Boolean.TRUE.equals(e.getAttribute(PROVIDER_UNAVAILABLE));
    }

    private static AuthenticationFailedException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationFailedException e && e.getAttribute(RETRY_AFTER) != null) {
                return e;
            }
        }
        return null;
    }
}
