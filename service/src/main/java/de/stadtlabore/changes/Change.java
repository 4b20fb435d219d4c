package de.stadtlabore.changes;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One change, as the change feed lists it and as a webhook delivers it: its id (the
 * {@code webhook-id} of its deliveries), its type, when it happened, and what it is about.
 */
public record Change(String id, String type, OffsetDateTime timestamp, @JsonRawValue String data) {
}
