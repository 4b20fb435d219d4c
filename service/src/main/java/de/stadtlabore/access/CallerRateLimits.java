package de.stadtlabore.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import de.stadtlabore.common.ratelimit.RateLimitConfig;
import de.stadtlabore.common.ratelimit.RateLimitExceeded;
import de.stadtlabore.common.ratelimit.RateLimitHeaders;
import de.stadtlabore.common.ratelimit.RateLimiter;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every request counts against its caller's allowance: per API key, per token subject, and for
 * anonymous callers per client address — with allowances of their own for calendar feeds and
 * for registering. Runs after the credentials were checked, so a forged key cannot spend
 * somebody else's allowance.
 */
public class CallerRateLimits {

    @Inject
    RateLimiter limiter;

    @Inject
    CurrentCaller caller;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public void limit(ContainerRequestContext request, HttpServerRequest http) {
        RateLimitConfig config = limiter.config();
        Caller c = caller.get();
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        String path = request.getUriInfo().getPath();
        RateLimiter.Policy policy;
        String subject;
        switch (c.method()) {
            case API_KEY -> {
                policy = new RateLimiter.Policy("api-key", config.apiKey(), config.window());
                subject = c.apiKeyId().toString();
            }
            case OIDC -> {
                policy = new RateLimiter.Policy("person", config.person(), config.window());
                subject = c.issuer() + "|" + c.subject();
            }
            default -> {
                subject = address;
                if (path.endsWith(".ics")) {
                    policy = new RateLimiter.Policy("feed", config.feed(), config.feedWindow());
                } else if ("POST".equals(request.getMethod()) && path.endsWith("/registrations")) {
                    policy = new RateLimiter.Policy("registration", config.registrationPerAddress(),
                            config.registrationWindow());
                } else {
                    policy = new RateLimiter.Policy("anonymous", config.anonymous(), config.window());
                }
            }
        }
        RateLimiter.Usage usage = limiter.consume(policy, subject);
        RateLimitHeaders.remember(request, usage);
        if (!usage.allowed()) {
            throw new RateLimitExceeded(usage);
        }
    }
}
