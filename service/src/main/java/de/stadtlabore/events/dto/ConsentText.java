package de.stadtlabore.events.dto;

import java.time.Instant;

/** One version of the consent text of registrations, in German and English. */
public record ConsentText(String version, Instant validFrom, String de, String en) {
}
