package de.stadtlabore.events.dto;

import jakarta.validation.constraints.NotNull;

/**
 * An organiser cancels a registration; {@code spam} marks it as made up, so that the address
 * gets no mail about it.
 */
public record OrganiserCancellation(@NotNull Boolean spam) {
}
