package de.stadtlabore.access.apikeys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CallerAugmentor;
import de.stadtlabore.common.persistence.DatabaseGate;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Looks an API key up by its hash and turns it into a caller with exactly the key's scopes. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    @Inject
    ApiKeyService keys;

    @Inject
    DatabaseGate databaseGate;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            databaseGate.check();
            Caller caller = keys.authenticate(request.key())
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown, revoked or expired API key"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(caller.subject()))
                    .addAttribute(CallerAugmentor.CALLER_ATTRIBUTE, caller)
                    .build();
        });
    }
}
