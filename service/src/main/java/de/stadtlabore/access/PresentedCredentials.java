package de.stadtlabore.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import de.stadtlabore.access.apikeys.ApiKeyAuthenticationMechanism;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * A credential that a request carries is checked, also where none is needed: an invalid token
 * or key is a 401 (or 503 if its provider cannot be reached) on public reads too, never
 * silently served as anonymous. Authentication is otherwise lazy (not proactive), so that its
 * failures become problem documents in the REST layer.
 */
public class PresentedCredentials {

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> check(HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && headers.getHeaderString(ApiKeyAuthenticationMechanism.HEADER) == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().replaceWithVoid();
    }
}
