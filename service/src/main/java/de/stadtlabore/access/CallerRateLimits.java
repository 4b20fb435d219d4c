package de.stadtlabore.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import de.stadtlabore.common.http.ClientAddress;
import de.stadtlabore.common.ratelimit.Allowance;
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
    public void limit(ContainerRequestContext request, HttpServerRequest http, ResourceInfo resource) {
        Caller c = caller.get();
        Allowance own = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Allowance.class);
        RateLimiter.Policy policy;
        String subject;
        switch (c.method()) {
            case API_KEY -> {
                policy = limiter.apiKey();
                subject = c.apiKeyId().toString();
            }
            case OIDC -> {
                policy = limiter.person();
                subject = c.issuer() + "|" + c.subject();
            }
            default -> {
                policy = own == null ? limiter.anonymous() : switch (own.value()) {
                    case FEED -> limiter.feed();
                    case REGISTRATION -> limiter.registration();
                    case PRIVACY_REQUEST -> limiter.privacyRequest();
                };
                subject = ClientAddress.of(http);
            }
        }
        RateLimiter.Usage usage = limiter.consume(policy, subject);
        RateLimitHeaders.remember(request, usage);
        if (!usage.allowed()) {
            throw new RateLimitExceeded(usage);
        }
    }
}
