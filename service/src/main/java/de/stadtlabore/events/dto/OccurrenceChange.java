package de.stadtlabore.events.dto;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;

/** Cancels one occurrence of a series, or moves it to other local times. */
public record OccurrenceChange(@NotNull Boolean cancelled, LocalDateTime start, LocalDateTime end) {
}
