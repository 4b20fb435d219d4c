package de.stadtlabore.access.apikeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An API key as listed: everything but the secret. */
public record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, String municipality,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt,
        OffsetDateTime revokedAt) {

    static ApiKeyView of(ApiKey key, String municipalitySlug) {
        return new ApiKeyView(key.id, key.name, key.prefix, key.scopes, municipalitySlug, key.createdAt, key.createdBy,
                key.expiresAt, key.lastUsedAt, key.revokedAt);
    }
}
