package de.stadtlabore.events.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Invites a lab, also of another municipality, to co-organise an event. */
public record Invitation(@NotBlank @Size(max = 80) String lab) {
}
