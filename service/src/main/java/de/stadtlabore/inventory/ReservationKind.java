package de.stadtlabore.inventory;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.domain.WireNameConverter;

/** A loan to a lab, or a period in which the owner keeps the item for maintenance. */
public enum ReservationKind implements WireName {
    LOAN, MAINTENANCE;

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<ReservationKind> {
        public Column() {
            super(ReservationKind.class);
        }
    }
}
