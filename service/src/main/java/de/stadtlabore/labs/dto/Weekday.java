package de.stadtlabore.labs.dto;

import java.time.DayOfWeek;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Weekdays as they appear in JSON: {@code monday} … {@code sunday}. */
public enum Weekday {
    MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY;

    public static Weekday of(DayOfWeek day) {
        return values()[day.getValue() - 1];
    }

    public DayOfWeek toDayOfWeek() {
        return DayOfWeek.of(ordinal() + 1);
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
