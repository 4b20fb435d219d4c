package de.stadtlabore.access;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as every service sees it: how they authenticated, for which municipality
 * they act, and with which roles (people) or scopes (API keys).
 *
 * @param municipalityId   the municipality the caller acts for; {@code null} for network
 *                         administrators and anonymous callers
 * @param municipalitySlug its slug, for display
 * @param displayName      a person's name from the token, for display (tasks, teams)
 * @param email            a person's e-mail address from the token, if it carries one
 */
public record Caller(
        AuthMethod method,
        String subject,
        String issuer,
        UUID municipalityId,
        String municipalitySlug,
        Set<String> roles,
        Set<String> scopes,
        UUID apiKeyId,
        String displayName,
        String email) {

    public enum AuthMethod {
        ANONYMOUS, OIDC, API_KEY;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static final String NETWORK_ADMIN = "network-admin";
    public static final String LAB_ADMIN = "lab-admin";
    public static final String LAB_STAFF = "lab-staff";
    /** The municipality's data protection officer: searches, exports and erases registrants' data. */
    public static final String PRIVACY_OFFICER = "privacy-officer";

    public static final Caller ANONYMOUS = new Caller(AuthMethod.ANONYMOUS, null, null, null, null, Set.of(), Set.of(),
            null, null, null);

    public boolean isAnonymous() {
        return method == AuthMethod.ANONYMOUS;
    }

    public boolean isNetworkAdmin() {
        return method == AuthMethod.OIDC && roles.contains(NETWORK_ADMIN);
    }

    public boolean actsFor(UUID municipality) {
        return municipalityId != null && municipalityId.equals(municipality);
    }
}
