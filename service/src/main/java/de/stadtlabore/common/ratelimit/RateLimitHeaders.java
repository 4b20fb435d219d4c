package de.stadtlabore.common.ratelimit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every answer tells the caller what it has left: {@code RateLimit-Policy} and {@code RateLimit}. */
public class RateLimitHeaders {

    static final String USAGE = "stadtlabore.rate-limit";

    /** Remembers the usage of this request, for its answer. */
    public static void remember(ContainerRequestContext request, RateLimiter.Usage usage) {
        request.setProperty(USAGE, usage);
    }

    @ServerResponseFilter
    public void add(ContainerRequestContext request, ContainerResponseContext response) {
        // A refusal by a narrower allowance (e.g. per e-mail address) already names that one.
        if (request.getProperty(USAGE) instanceof RateLimiter.Usage usage && !response.getHeaders().containsKey("RateLimit")) {
            response.getHeaders().putSingle("RateLimit-Policy", usage.policy().header());
            response.getHeaders().putSingle("RateLimit", usage.header());
        }
    }
}
