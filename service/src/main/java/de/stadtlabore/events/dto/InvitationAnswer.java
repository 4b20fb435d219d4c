package de.stadtlabore.events.dto;

import jakarta.validation.constraints.NotNull;

import de.stadtlabore.common.domain.InvitationStatus;

/** The invited lab's answer: {@code accepted} or {@code declined}. */
public record InvitationAnswer(@NotNull InvitationStatus status) {
}
