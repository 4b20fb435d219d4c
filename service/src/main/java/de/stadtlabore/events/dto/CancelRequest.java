package de.stadtlabore.events.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The secret from the cancel link. */
public record CancelRequest(@NotBlank @Size(max = 200) String token) {
}
