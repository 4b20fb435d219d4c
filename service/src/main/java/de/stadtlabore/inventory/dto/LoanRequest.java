package de.stadtlabore.inventory.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A lab asks to borrow an item for the half-open period [startsAt, endsAt). */
public record LoanRequest(
        @NotNull UUID item,
        @NotBlank @Size(max = 80) String borrowerLab,
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt,
        @NotBlank @Size(max = 2000) String purpose) {
}
