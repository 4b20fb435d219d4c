package de.stadtlabore.labs;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/** One regular opening interval on one weekday. */
@Embeddable
public class OpeningHours {

    @Convert(converter = IsoDayOfWeekConverter.class)
    @Column(nullable = false, columnDefinition = "smallint")
    public DayOfWeek weekday;

    @Column(nullable = false)
    public LocalTime opens;

    @Column(nullable = false)
    public LocalTime closes;

    public OpeningHours() {
    }

    public OpeningHours(DayOfWeek weekday, LocalTime opens, LocalTime closes) {
        this.weekday = weekday;
        this.opens = opens;
        this.closes = closes;
    }
}
