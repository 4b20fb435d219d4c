package de.stadtlabore.events;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.Lifecycle;
import de.stadtlabore.common.domain.WireNameConverter;

/** A registration: confirmed, or on the waiting list until a seat is free; cancelled by the registrant. */
public enum RegistrationStatus implements Lifecycle<RegistrationStatus> {
    CONFIRMED, WAITLISTED, CANCELLED;

    /** The registrations that hold or wait for seats. */
    public static final Set<RegistrationStatus> ACTIVE = EnumSet.of(CONFIRMED, WAITLISTED);

    @Override
    public Set<RegistrationStatus> next() {
        return switch (this) {
            case WAITLISTED -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(CANCELLED);
            case CANCELLED -> EnumSet.noneOf(RegistrationStatus.class);
        };
    }

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<RegistrationStatus> {
        public Column() {
            super(RegistrationStatus.class);
        }
    }
}
