package de.stadtlabore.events.calendar;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A private feed; {@code token} and {@code url} appear only when it is created. */
public record FeedTokenView(UUID id, String name, OffsetDateTime createdAt, String createdBy, OffsetDateTime expiresAt,
        OffsetDateTime revokedAt, String token, String url) {
}
