package de.stadtlabore.events.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The invited lab's answer. */
public record InvitationAnswer(@NotBlank @Pattern(regexp = "accepted|declined") String status) {
}
