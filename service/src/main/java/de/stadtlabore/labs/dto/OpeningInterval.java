package de.stadtlabore.labs.dto;

import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonFormat;

/** The lab is open on {@code weekday} from {@code opens} until {@code closes} (local time). */
public record OpeningInterval(
        @NotNull Weekday weekday,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime opens,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime closes) {
}
