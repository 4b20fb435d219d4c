package de.stadtlabore.municipalities;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.stadtlabore.access.IdentityProviderSettings;

/** What a network administrator sends to onboard or update a municipality. */
public record MunicipalityInput(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 60) String slug,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 60) String state,
        @Pattern(regexp = "https?://\\S{1,490}") String website,
        @NotNull @NotEmpty @Size(max = 10) List<@NotNull @Valid IdentityProviderSettings> identityProviders) {
}
