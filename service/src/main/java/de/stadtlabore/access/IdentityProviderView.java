package de.stadtlabore.access;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An identity provider a municipality trusts, as administrators see it. */
public record IdentityProviderView(UUID id, String issuer, String authServerUrl, String audience,
        String municipalityClaim, String rolesClaim, OffsetDateTime createdAt) {

    static IdentityProviderView of(TrustedProvider p) {
        return new IdentityProviderView(p.id, p.issuer, p.authServerUrl, p.audience, p.municipalityClaim, p.rolesClaim,
                p.createdAt);
    }
}
