package de.stadtlabore.events;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.domain.WireNameConverter;

/** Whether an event takes place; its organisers may cancel it (and take that back). */
public enum EventStatus implements WireName {
    SCHEDULED, CANCELLED;

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<EventStatus> {
        public Column() {
            super(EventStatus.class);
        }
    }
}
