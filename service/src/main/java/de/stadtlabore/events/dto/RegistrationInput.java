package de.stadtlabore.events.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A citizen registers: name, e-mail, explicit consent, seats. */
public record RegistrationInput(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String email,
        @NotNull Boolean consent,
        @Min(1) @Max(20) Integer seats) {
}
