package de.stadtlabore.events.dto;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import de.stadtlabore.common.domain.InvitationStatus;
import de.stadtlabore.common.domain.Visibility;
import de.stadtlabore.events.EventFormat;
import de.stadtlabore.events.EventStatus;
import de.stadtlabore.labs.dto.LabRef;

/** An event or series as everyone who may see it sees it. */
public record EventView(
        UUID id,
        String title,
        String description,
        String category,
        List<String> topics,
        EventFormat format,
        PlaceView place,
        String onlineUrl,
        String accessibilityNotes,
        Visibility visibility,
        EventStatus status,
        String timeZone,
        LocalDateTime start,
        LocalDateTime end,
        EventInput.Recurrence recurrence,
        EventInput.RegistrationSettings registration,
        UUID project,
        LabRef leadLab,
        List<OrganiserView> organisers,
        int sequence,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record PlaceView(LabRef lab, String address) {
    }

    public record OrganiserView(LabRef lab, InvitationStatus status) {
    }
}
