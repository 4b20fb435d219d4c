package de.stadtlabore.events;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * One occurrence of an event.
 *
 * @param originalStart its local start as the series defines it: the occurrence's identity
 *                      (iCalendar RECURRENCE-ID), unchanged when it is moved
 */
public record Occurrence(Event event, LocalDateTime originalStart, ZonedDateTime start, ZonedDateTime end,
        boolean cancelled, boolean moved) {
}
