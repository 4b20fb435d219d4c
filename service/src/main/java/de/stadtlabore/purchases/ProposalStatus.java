package de.stadtlabore.purchases;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.Lifecycle;
import de.stadtlabore.common.domain.WireNameConverter;

/** A purchase proposal: open → agreed → ordered → received, or rejected / withdrawn. */
public enum ProposalStatus implements Lifecycle<ProposalStatus> {
    OPEN, AGREED, ORDERED, RECEIVED, REJECTED, WITHDRAWN;

    @Override
    public Set<ProposalStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(AGREED, REJECTED, WITHDRAWN);
            case AGREED -> EnumSet.of(ORDERED, WITHDRAWN);
            case ORDERED -> EnumSet.of(RECEIVED);
            case RECEIVED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ProposalStatus.class);
        };
    }

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<ProposalStatus> {
        public Column() {
            super(ProposalStatus.class);
        }
    }
}
