package de.stadtlabore.common.domain;

import jakarta.persistence.Converter;

/** Who sees an event or a project: everyone, or the members of the network. */
public enum Visibility implements WireName {
    PUBLIC, NETWORK;

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<Visibility> {
        public Column() {
            super(Visibility.class);
        }
    }
}
