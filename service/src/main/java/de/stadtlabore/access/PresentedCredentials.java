package de.stadtlabore.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import de.stadtlabore.access.apikeys.ApiKeyAuthenticationMechanism;
import de.stadtlabore.common.http.ClientAddress;
import de.stadtlabore.common.problem.Throttling;
import de.stadtlabore.common.ratelimit.RateLimitExceeded;
import de.stadtlabore.common.ratelimit.RateLimiter;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.vertx.core.http.HttpServerRequest;

/**
 * A credential that a request carries is checked, also where none is needed: an invalid token
 * or key is a 401 (or 503 if its provider cannot be reached) on public reads too, never
 * silently served as anonymous. Authentication is otherwise lazy (not proactive), so that its
 * failures become problem documents in the REST layer.
 */
public class PresentedCredentials {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    RateLimiter limiter;

    /**
     * Runs on the request's worker thread. A refused credential counts against the client
     * address's anonymous allowance, so that forged tokens and guessed keys cannot be sent
     * without limit.
     */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void check(HttpHeaders headers, HttpServerRequest http) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && headers.getHeaderString(ApiKeyAuthenticationMechanism.HEADER) == null) {
            return;
        }
        try {
            identities.getIdentity();
        } catch (AuthenticationFailedException refused) {
            if (!Throttling.providerUnavailable(refused) && Throttling.retryAfter(refused) == null) {
                RateLimiter.Usage usage = limiter.consume(limiter.anonymous(), ClientAddress.of(http));
                if (!usage.allowed()) {
                    throw new RateLimitExceeded(usage);
                }
            }
            throw refused;
        }
    }
}
