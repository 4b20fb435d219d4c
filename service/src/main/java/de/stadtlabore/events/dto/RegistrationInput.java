package de.stadtlabore.events.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A citizen registers: name, e-mail, explicit consent (to the version of the consent text that
 * was shown, if the frontend says which), seats. The name is one line of plain
 * text — no links, no line breaks, nothing a mail program or a spreadsheet could act on.
 */
public record RegistrationInput(
        @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_NAME, message = "{stadtlabore.plain-name}") String name,
        @NotBlank @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String email,
        @NotNull Boolean consent,
        @Min(1) @Max(20) Integer seats,
        @Size(max = 20) String consentVersion) {

    /** The same pattern as in the contract: one line, no link or address characters, no formula start. */
    public static final String PLAIN_NAME = "[^\\s=+\\-@<>:/\\\\\"\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]"
            + "[^<>:/\\\\\"@\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]*";
}
