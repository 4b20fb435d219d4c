package de.stadtlabore.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.stadtlabore.events.Event;
import de.stadtlabore.events.EventStatus;
import de.stadtlabore.events.OccurrenceOverride;
import de.stadtlabore.events.SampleEvents;

/** The iCalendar text itself: folding, escaping, time zones, overrides. */
class ICalendarWriterTest {

    static String write(Event... events) {
        return ICalendarWriter.write("Stadtlabore", "api.example.org", "https://api.example.org/events/",
                List.of(events));
    }

    static List<String> lines(String ics) {
        return Arrays.asList(ics.split("\r\n", -1));
    }

    static String unfolded(String ics) {
        return ics.replace("\r\n ", "");
    }

    @Test
    void longLinesAreFoldedAtSeventyFiveOctetsNeverInsideACharacter() {
        Event e = SampleEvents.event("2027-06-05T10:00:00", "2027-06-05T16:00:00", null);
        e.title = "Bürgerwerkstatt „Straßenbäume, Fußwege und öffentliche Plätze“ – gemeinsam planen in Menden "
                + "und Soest mit Übersicht über Grünflächen";
        String ics = write(e);
        assertThat(ics).endsWith("END:VCALENDAR\r\n").doesNotContain("\uFFFD");
        assertThat(lines(ics)).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .as(line).isLessThanOrEqualTo(75));
        assertThat(lines(ics)).anyMatch(line -> line.startsWith(" "));
        assertThat(lines(unfolded(ics))).contains("SUMMARY:Bürgerwerkstatt „Straßenbäume\\, Fußwege und öffentliche "
                + "Plätze“ – gemeinsam planen in Menden und Soest mit Übersicht über Grünflächen");
    }

    @Test
    void textIsEscaped() {
        Event e = SampleEvents.event("2027-06-05T10:00:00", "2027-06-05T16:00:00", null);
        e.title = "Café; Bar, Kino\\Nacht";
        e.description = "Erste Zeile\nZweite Zeile";
        List<String> lines = lines(unfolded(write(e)));
        assertThat(lines).contains("SUMMARY:Café\\; Bar\\, Kino\\\\Nacht", "DESCRIPTION:Erste Zeile\\nZweite Zeile");
    }

    @Test
    void theTimeZoneIsDescribedByItsRules() {
        List<String> lines = lines(write(SampleEvents.event("2027-06-05T10:00:00", "2027-06-05T16:00:00", null)));
        assertThat(String.join("\n", lines)).contains("""
                BEGIN:VTIMEZONE
                TZID:Europe/Berlin
                BEGIN:DAYLIGHT
                DTSTART:19700329T020000
                TZOFFSETFROM:+0100
                TZOFFSETTO:+0200
                RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU""");
        assertThat(String.join("\n", lines)).contains("""
                BEGIN:STANDARD
                DTSTART:19701025T030000
                TZOFFSETFROM:+0200
                TZOFFSETTO:+0100
                RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU""");
        assertThat(lines).contains("DTSTART;TZID=Europe/Berlin:20270605T100000", "DTEND;TZID=Europe/Berlin:20270605T160000");
    }

    @Test
    void aZoneWithoutDaylightSavingHasOneFixedOffset() {
        Event e = SampleEvents.event("2027-06-05T10:00:00", "2027-06-05T16:00:00", null);
        e.timeZone = "Asia/Kolkata";
        assertThat(String.join("\n", lines(write(e)))).contains("""
                BEGIN:STANDARD
                DTSTART:19700101T000000
                TZOFFSETFROM:+0530
                TZOFFSETTO:+0530
                END:STANDARD""").doesNotContain("DAYLIGHT");
    }

    @Test
    void aSeriesCarriesItsRuleExceptionsAndOverrides() {
        Event e = SampleEvents.event("2027-05-03T18:00:00", "2027-05-03T20:00:00", "FREQ=WEEKLY;BYDAY=MO;COUNT=6");
        e.exdates = new ArrayList<>(List.of(LocalDateTime.parse("2027-05-10T18:00:00")));
        OccurrenceOverride cancelled = new OccurrenceOverride();
        cancelled.originalStart = LocalDateTime.parse("2027-05-17T18:00:00");
        cancelled.cancelled = true;
        e.overrides = new ArrayList<>(List.of(cancelled));
        e.sequence = 3;
        String ics = unfolded(write(e));
        assertThat(lines(ics)).contains("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6", "EXDATE;TZID=Europe/Berlin:20270510T180000",
                "RECURRENCE-ID;TZID=Europe/Berlin:20270517T180000", "STATUS:CANCELLED", "SEQUENCE:3",
                "UID:" + e.id + "@api.example.org", "URL:https://api.example.org/events/" + e.id,
                "DTSTAMP:20261101T100000Z");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
    }

    @Test
    void aCancelledEventIsCancelledInCalendars() {
        Event e = SampleEvents.event("2027-06-05T10:00:00", "2027-06-05T16:00:00", null);
        e.status = EventStatus.CANCELLED;
        assertThat(lines(write(e))).contains("STATUS:CANCELLED");
    }
}
