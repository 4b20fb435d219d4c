package de.stadtlabore.labs.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** How citizens reach a lab. Every part is optional. */
public record Contact(
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9 ()/-]{4,40}") String phone,
        @Pattern(regexp = "https?://\\S{1,490}") String website) {
}
