package de.stadtlabore.labs.dto;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Regular weekly hours plus free-text notes (holidays, events, appointments). */
public record OpeningHoursDto(
        @NotNull @Size(max = 28) List<@NotNull @Valid OpeningInterval> regular,
        @Size(max = 2000) String notes) {
}
