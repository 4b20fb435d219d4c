package de.stadtlabore.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An audit record as administrators see it. */
public record AuditEventView(UUID id, OffsetDateTime occurredAt, String municipality, Actor actor, String action,
        String target, String requestId) {

    /**
     * Who acted: a person ({@code user}, with the token's subject and issuer, and their name and
     * e-mail address until the entry is pseudonymised) or an API key.
     */
    public record Actor(String type, String subject, String issuer, UUID apiKeyId, String name, String email) {
    }
}
