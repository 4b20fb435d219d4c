package de.stadtlabore.access.apikeys;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import de.stadtlabore.common.http.ClientAddress;
import de.stadtlabore.common.problem.Throttling;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates municipal IT by the {@code X-API-Key} header. Failed attempts count against the
 * client address; a throttled client is refused before its key is even looked up.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-Key";

    @Inject
    FailedAttemptThrottle throttle;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String key = context.request().getHeader(HEADER);
        if (key == null) {
            String authorization = context.request().getHeader("Authorization");
            // Bearer tokens are OIDC's; any other credential is one nobody here accepts: refused,
            // never served as anonymous.
            return authorization == null || authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? Uni.createFrom().nullItem()
                    : Uni.createFrom().failure(new AuthenticationFailedException("Unsupported authorization scheme"));
        }
        if (context.request().getHeader("Authorization") != null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Send either a bearer token or an API key"));
        }
        String client = ClientAddress.of(context.request());
        Duration wait = throttle.retryAfter(client);
        if (!wait.isZero()) {
            return Uni.createFrom().failure(Throttling.failure(wait));
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyAuthenticationRequest(key),
                context);
        return identityProviderManager.authenticate(request)
                .onFailure(AuthenticationFailedException.class).invoke(() -> throttle.recordFailure(client));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "ApiKey header=\"" + HEADER + "\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
    }
}
