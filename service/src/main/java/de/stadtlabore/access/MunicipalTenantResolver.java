package de.stadtlabore.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtlabore.common.problem.Throttling;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Picks the OIDC tenant for a bearer token by its (not yet verified) issuer and key id. Quarkus
 * then verifies signature, issuer, audience and expiry with that key. A bearer token that is not
 * a JWT, or whose issuer no municipality trusts, or whose key its provider does not have, is
 * refused (401); a trusted provider whose keys could not be fetched yet answers 503. Nothing
 * here contacts a provider: keys are fetched by {@link ProviderKeys} on the service's schedule.
 */
@ApplicationScoped
public class MunicipalTenantResolver implements TenantConfigResolver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PART = 16_384;

    @Inject
    ProviderDirectory directory;

    /** The claims of a token that pick its tenant, read without verification. */
    record Unverified(String issuer, String kid) {
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().nullItem();
        }
        Unverified token = read(authorization.substring(7).trim());
        if (token == null) {
            return refused("Bearer token is not a signed JWT with an issuer");
        }
        // The usual case, a known issuer and key, is settled on the event loop; the directory is
        // asked on a worker thread only when it may have to reload from the database.
        ProviderDirectory.Tenant known = directory.forIssuerIfCurrent(token.issuer());
        if (known != null && directory.key(known, token.kid()) instanceof ProviderKeys.Key key) {
            return Uni.createFrom().item(directory.oidcConfig(known, key));
        }
        return request.runBlocking(() -> {
            ProviderDirectory.Tenant tenant = directory.forIssuer(token.issuer());
            if (tenant == null) {
                throw new AuthenticationFailedException("No municipality trusts the token's issuer");
            }
            ProviderKeys.Lookup lookup = directory.key(tenant, token.kid());
            if (lookup instanceof ProviderKeys.Unavailable unavailable) {
                throw Throttling.providerUnavailable(unavailable.retryAfter());
            }
            if (!(lookup instanceof ProviderKeys.Key key)) {
                throw new AuthenticationFailedException("The token's provider has no such key");
            }
            return directory.oidcConfig(tenant, key);
        });
    }

    private static Uni<OidcTenantConfig> refused(String reason) {
        return Uni.createFrom().failure(new AuthenticationFailedException(reason));
    }

    /** The issuer and key id of a compact JWS, read without verification; null if it is none. */
    static Unverified read(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3 || parts[0].length() > MAX_PART || parts[1].length() > MAX_PART || parts[2].isEmpty()) {
            return null;
        }
        try {
            JsonNode header = decode(parts[0]);
            JsonNode claims = decode(parts[1]);
            JsonNode iss = claims.get("iss");
            JsonNode kid = header.get("kid");
            if (iss == null || !iss.isTextual() || (kid != null && !kid.isTextual())) {
                return null;
            }
            return new Unverified(iss.asText(), kid == null ? null : kid.asText());
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static JsonNode decode(String part) throws java.io.IOException {
        JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        if (node == null || !node.isObject()) {
            throw new java.io.IOException("not a JSON object");
        }
        return node;
    }
}
