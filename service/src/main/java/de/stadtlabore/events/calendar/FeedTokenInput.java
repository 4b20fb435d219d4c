package de.stadtlabore.events.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new private feed, named for what subscribes to it. */
public record FeedTokenInput(@NotBlank @Size(max = 100) String name) {
}
