package de.stadtlabore.labs.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Accessibility facts a visitor needs before coming. */
public record Accessibility(
        @NotNull Boolean stepFreeAccess,
        @NotNull Boolean hearingLoop,
        @NotNull Boolean accessibleToilet,
        @Size(max = 2000) String notes) {
}
