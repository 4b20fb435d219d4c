package de.stadtlabore.inventory.dto;

import jakarta.validation.constraints.Size;

/** Why a request was rejected or a loan cancelled. */
public record Reason(@Size(max = 2000) String reason) {
}
