package de.stadtlabore.inventory.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The condition report when an item comes back; a damage report sends it into maintenance. */
public record ReturnReport(
        @NotNull @Pattern(regexp = "new|good|fair|poor") String condition,
        @Size(max = 4000) String damageReport) {
}
