package de.stadtlabore.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An identity provider a municipality trusts.
 *
 * @param issuer            the exact {@code iss} of its access tokens
 * @param authServerUrl     where its discovery document lives, if not at the issuer
 * @param audience          the {@code aud} its access tokens carry for this API
 * @param municipalityClaim for a provider shared by several municipalities: the claim that holds
 *                          the municipality's slug
 * @param rolesClaim        path of the roles in the token (default {@code realm_access/roles})
 */
public record IdentityProviderSettings(
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+") String issuer,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+") String authServerUrl,
        @NotBlank @Size(max = 200) String audience,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.:/-]+") String municipalityClaim,
        @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_.:/-]+") String rolesClaim) {
}
