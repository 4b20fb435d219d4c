package de.stadtlabore.purchases;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.domain.WireNameConverter;

/** A lab's answer to a proposal: interest only, or a pledge of money and/or units. */
public enum PledgeKind implements WireName {
    INTEREST, PLEDGE;

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<PledgeKind> {
        public Column() {
            super(PledgeKind.class);
        }
    }
}
