package de.stadtlabore.events;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.domain.WireNameConverter;

/** Where an event happens: at a place, online, or both. */
public enum EventFormat implements WireName {
    IN_PERSON, ONLINE, HYBRID;

    public boolean online() {
        return this != IN_PERSON;
    }

    public boolean onSite() {
        return this != ONLINE;
    }

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<EventFormat> {
        public Column() {
            super(EventFormat.class);
        }
    }
}
