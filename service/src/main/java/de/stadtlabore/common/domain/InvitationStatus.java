package de.stadtlabore.common.domain;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Converter;

/** A lab invited to co-organise an event or to partner in a project answers once. */
public enum InvitationStatus implements Lifecycle<InvitationStatus> {
    INVITED, ACCEPTED, DECLINED;

    @Override
    public Set<InvitationStatus> next() {
        return switch (this) {
            case INVITED -> EnumSet.of(ACCEPTED, DECLINED);
            case ACCEPTED, DECLINED -> EnumSet.noneOf(InvitationStatus.class);
        };
    }

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<InvitationStatus> {
        public Column() {
            super(InvitationStatus.class);
        }
    }
}
