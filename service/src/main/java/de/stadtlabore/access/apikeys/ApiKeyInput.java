package de.stadtlabore.access.apikeys;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new key: a name that says what uses it, its scopes and when it expires (at most a year). */
public record ApiKeyInput(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 20) List<@NotBlank String> scopes,
        @NotNull OffsetDateTime expiresAt) {
}
