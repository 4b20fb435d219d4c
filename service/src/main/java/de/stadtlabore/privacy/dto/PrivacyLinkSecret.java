package de.stadtlabore.privacy.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The secret from the mailed link, in the body: never in a URL the API is called with. */
public record PrivacyLinkSecret(@NotBlank @Size(max = 200) String token) {
}
