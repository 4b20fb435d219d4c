package de.stadtlabore.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Picks the OIDC tenant for a bearer token by its (not yet verified) issuer. Quarkus then
 * verifies signature, issuer, audience and expiry against that tenant; a token whose issuer no
 * municipality trusts finds no tenant and is refused.
 */
@ApplicationScoped
public class MunicipalTenantResolver implements TenantConfigResolver {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ProviderDirectory directory;

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        String issuer = unverifiedIssuer(context.request().getHeader("Authorization"));
        if (issuer == null) {
            return Uni.createFrom().nullItem();
        }
        return request.runBlocking(() -> {
            ProviderDirectory.Tenant tenant = directory.forIssuer(issuer);
            return tenant == null ? null : tenant.oidcConfig();
        });
    }

    /** The {@code iss} claim of a JWT bearer token, read without verification; null if none. */
    static String unverifiedIssuer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length < 2 || parts[1].length() > 16_384) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode iss = claims == null ? null : claims.get("iss");
            return iss != null && iss.isTextual() ? iss.asText() : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
