package de.stadtlabore.inventory;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.domain.WireNameConverter;

/** Whether an item can be lent: set by its owners; a damage report sends it into maintenance. */
public enum ItemStatus implements WireName {
    AVAILABLE, MAINTENANCE, RETIRED;

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<ItemStatus> {
        public Column() {
            super(ItemStatus.class);
        }
    }
}
