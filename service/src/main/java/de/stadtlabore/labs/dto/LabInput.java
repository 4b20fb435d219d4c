package de.stadtlabore.labs.dto;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a network administrator sends to create a lab. */
public record LabInput(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 80) String slug,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 60) String municipality,
        @NotBlank @Size(max = 10000) String description,
        @NotNull @Valid Address address,
        @NotNull @Valid Coordinates coordinates,
        @Valid OpeningHoursDto openingHours,
        @Valid Contact contact,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics,
        @NotNull @Valid Accessibility accessibility) {
}
