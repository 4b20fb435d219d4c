package de.stadtlabore.common.ratelimit;

/** A caller used up an allowance: answered with 429, {@code Retry-After} and the rate-limit headers. */
public class RateLimitExceeded extends RuntimeException {

    private final transient RateLimiter.Usage usage;

    public RateLimitExceeded(RateLimiter.Usage usage) {
        super("Rate limit " + usage.policy().name() + " exceeded", null, false, false);
        this.usage = usage;
    }

    public RateLimiter.Usage usage() {
        return usage;
    }
}
