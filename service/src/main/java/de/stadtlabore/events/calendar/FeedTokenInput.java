package de.stadtlabore.events.calendar;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new private feed, named for what subscribes to it; it ends at {@code expiresAt} (default: in 90 days, at most a year). */
public record FeedTokenInput(@NotBlank @Size(max = 100) String name, OffsetDateTime expiresAt) {
}
