package de.stadtlabore.labs.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address in Germany. */
public record Address(
        @NotBlank @Size(max = 200) String street,
        @NotBlank @Pattern(regexp = "\\d{5}") String postalCode,
        @NotBlank @Size(max = 100) String city) {
}
