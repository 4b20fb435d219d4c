package de.stadtlabore.events;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.domain.WireNameConverter;

/** Who cancelled a registration: the registrant with the link, or an organiser. */
public enum CancelledBy implements WireName {
    REGISTRANT, ORGANISER;

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<CancelledBy> {
        public Column() {
            super(CancelledBy.class);
        }
    }
}
