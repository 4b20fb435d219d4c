package de.stadtlabore.access;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import de.stadtlabore.common.observability.LogContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a verified token into a {@link Caller}: the municipality follows from the provider
 * that issued it (or, for a shared provider, from the configured claim), and only the roles
 * that provider may grant survive — a municipality's provider can never make anyone a
 * network administrator.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    public static final String CALLER_ATTRIBUTE = "stadtlabore.caller";
    private static final Set<String> MUNICIPAL_ROLES = Set.of(Caller.LAB_ADMIN, Caller.LAB_STAFF,
            Caller.PRIVACY_OFFICER);
    private static final Set<String> NETWORK_ROLES = Set.of(Caller.NETWORK_ADMIN);

    @Inject
    ProviderDirectory directory;

    @Inject
    IdentityConfig config;

    @Inject
    Clock clock;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(CALLER_ATTRIBUTE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String tenantId = identity.getAttribute("tenant-id");
        ProviderDirectory.Tenant tenant = tenantId == null ? null : directory.forTenantId(tenantId);
        if (tenant == null || token.getSubject() == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Token of an unknown tenant or without subject"));
        }
        if (token.getIssuedAtTime() > clock.instant().plus(config.clockSkew()).getEpochSecond()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Token issued in the future"));
        }
        ProviderDirectory.Member member = null;
        if (!tenant.network()) {
            member = memberFor(tenant, token);
            if (member == null) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Token names no member municipality"));
            }
        }
        Set<String> allowed = tenant.network() ? NETWORK_ROLES : MUNICIPAL_ROLES;
        Set<String> roles = identity.getRoles().stream().filter(allowed::contains).collect(Collectors.toUnmodifiableSet());
        Caller caller = new Caller(Caller.AuthMethod.OIDC, token.getSubject(), tenant.issuer(),
                member == null ? null : member.municipalityId(), member == null ? null : member.slug(), roles, Set.of(),
                null, displayName(token), email(token));
        LogContext.caller(caller.method().toString(), caller.municipalitySlug());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(CALLER_ATTRIBUTE, caller)
                .addRoles(roles)
                .build());
    }

    private static String email(JsonWebToken token) {
        Object email = token.getClaim("email");
        String value = email == null ? null : email.toString().replace("\"", "");
        return value == null || value.length() > 254 || !value.contains("@") ? null : value;
    }

    private static String displayName(JsonWebToken token) {
        Object name = token.getClaim("name");
        if (name == null) {
            name = token.getClaim("preferred_username");
        }
        String shown = name == null ? token.getSubject() : name.toString().replace("\"", "");
        // Stored in the team directory and the audit log, which keep 200 characters.
        return shown == null || shown.length() <= 200 ? shown : shown.substring(0, 200);
    }

    private static ProviderDirectory.Member memberFor(ProviderDirectory.Tenant tenant, JsonWebToken token) {
        if (tenant.municipalityClaim() == null) {
            return tenant.members().size() == 1 ? tenant.members().get(0) : null;
        }
        Object claimed = token.getClaim(tenant.municipalityClaim());
        String slug = claimed == null ? null : claimed.toString().replace("\"", "");
        return tenant.members().stream().filter(m -> m.slug().equals(slug)).findFirst().orElse(null);
    }
}
