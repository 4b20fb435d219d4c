package de.stadtlabore.inventory;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.domain.WireNameConverter;

/** Who may borrow an item: its own municipality ({@code lab}) or every member of the network. */
public enum Sharing implements WireName {
    LAB, NETWORK;

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<Sharing> {
        public Column() {
            super(Sharing.class);
        }
    }
}
