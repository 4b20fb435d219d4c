package de.stadtlabore.privacy.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A citizen asks for what the network holds about their e-mail address. */
public record PrivacyRequestInput(
        @NotBlank @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String email) {
}
