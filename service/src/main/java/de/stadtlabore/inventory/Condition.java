package de.stadtlabore.inventory;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.domain.WireNameConverter;

/** The condition of an item, as its owner or a borrower reports it. */
public enum Condition implements WireName {
    NEW, GOOD, FAIR, POOR;

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<Condition> {
        public Column() {
            super(Condition.class);
        }
    }
}
