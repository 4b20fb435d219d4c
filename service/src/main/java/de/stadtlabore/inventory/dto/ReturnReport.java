package de.stadtlabore.inventory.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import de.stadtlabore.inventory.Condition;

/** The condition report when an item comes back; a damage report sends it into maintenance. */
public record ReturnReport(
        @NotNull Condition condition,
        @Size(max = 4000) String damageReport) {
}
