package de.stadtlabore.events.dto;

import java.time.LocalDateTime;
import java.util.UUID;

/** An event as a project lists it: its first start, in its time zone. */
public record EventRef(UUID id, String title, LocalDateTime start, String timeZone) {
}
