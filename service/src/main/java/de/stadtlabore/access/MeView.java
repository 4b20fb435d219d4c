package de.stadtlabore.access;

import java.util.List;
import java.util.UUID;

/** Who the caller is, as the service sees them. */
public record MeView(String authMethod, String subject, String issuer, String municipality, List<String> roles,
        List<String> scopes, UUID apiKeyId) {

    static MeView of(Caller caller) {
        return new MeView(caller.method().toString(), caller.subject(), caller.issuer(), caller.municipalitySlug(),
                caller.roles().stream().sorted().toList(), caller.scopes().stream().sorted().toList(),
                caller.apiKeyId());
    }
}
