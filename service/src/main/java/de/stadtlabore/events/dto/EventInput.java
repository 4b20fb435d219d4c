package de.stadtlabore.events.dto;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.stadtlabore.common.domain.Visibility;
import de.stadtlabore.events.EventFormat;
import de.stadtlabore.events.EventStatus;

/**
 * An event as organisers send it. {@code start} and {@code end} are local date-times in
 * {@code timeZone} (default Europe/Berlin) and describe the first occurrence.
 */
public record EventInput(
        @NotBlank @Size(max = 80) String leadLab,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 20000) String description,
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 60) String category,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics,
        @NotNull EventFormat format,
        @Valid Place place,
        @Pattern(regexp = "https?://\\S{1,990}") String onlineUrl,
        @Size(max = 2000) String accessibilityNotes,
        @NotNull Visibility visibility,
        EventStatus status,
        @Size(max = 60) String timeZone,
        @NotNull LocalDateTime start,
        @NotNull LocalDateTime end,
        @Valid Recurrence recurrence,
        @Valid RegistrationSettings registration,
        java.util.UUID project) {

    /** Registration for each occurrence: capacity, seats per person, the window. */
    public record RegistrationSettings(
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(100000) Integer capacity,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(20) Integer maxSeatsPerRegistration,
            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(730) Integer opensDaysBefore,
            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(43200) Integer closesMinutesBefore) {
    }

    /** Where: one of the labs, or an address. */
    public record Place(@Size(max = 80) String lab, @Size(max = 500) String address) {
    }

    /** An RFC 5545 RRULE and the local starts it skips (EXDATE). */
    public record Recurrence(@NotBlank @Size(max = 500) String rule,
            @Size(max = 500) List<@NotNull LocalDateTime> exceptions) {
    }
}
