package de.stadtlabore.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Series expand in their local time, with exceptions, moves, cancellations and limits. */
class RecurrencesTest {

    static List<Occurrence> expand(Event e, String from, String to) {
        return Recurrences.expand(e, Instant.parse(from), Instant.parse(to));
    }

    @Test
    void aSeriesKeepsItsLocalTimeAcrossDaylightSaving() {
        Event coffee = SampleEvents.event("2027-01-27T09:30:00", "2027-01-27T10:30:00", "FREQ=MONTHLY;BYDAY=-1WE");
        List<Occurrence> occurrences = expand(coffee, "2027-03-01T00:00:00Z", "2027-12-01T00:00:00Z");
        assertThat(occurrences).extracting(o -> o.start().toOffsetDateTime().toString()).containsExactly(
                "2027-03-31T09:30+02:00", "2027-04-28T09:30+02:00", "2027-05-26T09:30+02:00", "2027-06-30T09:30+02:00",
                "2027-07-28T09:30+02:00", "2027-08-25T09:30+02:00", "2027-09-29T09:30+02:00", "2027-10-27T09:30+02:00",
                "2027-11-24T09:30+01:00");
        assertThat(occurrences).allSatisfy(o -> {
            assertThat(o.originalStart().toLocalTime()).hasToString("09:30");
            assertThat(o.end()).isEqualTo(o.start().plusHours(1));
            assertThat(o.cancelled()).isFalse();
        });
    }

    @Test
    void exceptionsAreSkippedMovedAndCancelledOccurrencesMarked() {
        Event series = SampleEvents.event("2027-05-03T18:00:00", "2027-05-03T20:00:00", "FREQ=WEEKLY;BYDAY=MO;COUNT=6");
        series.exdates = new ArrayList<>(List.of(LocalDateTime.parse("2027-05-10T18:00:00")));
        series.overrides = new ArrayList<>(List.of(SampleEvents.override("2027-05-17T18:00:00", null, null),
                SampleEvents.override("2027-05-24T18:00:00", "2027-05-25T19:00:00", "2027-05-25T21:00:00")));
        List<Occurrence> occurrences = expand(series, "2027-05-01T00:00:00Z", "2027-07-01T00:00:00Z");
        assertThat(occurrences).extracting(o -> o.originalStart().toString()).containsExactly("2027-05-03T18:00",
                "2027-05-17T18:00", "2027-05-24T18:00", "2027-05-31T18:00", "2027-06-07T18:00");
        assertThat(occurrences).extracting(Occurrence::cancelled).containsExactly(false, true, false, false, false);
        Occurrence moved = occurrences.get(2);
        assertThat(moved.moved()).isTrue();
        assertThat(moved.start().toLocalDateTime()).hasToString("2027-05-25T19:00");
    }

    @Test
    void aMovedOccurrenceAppearsInTheWindowItWasMovedTo() {
        Event series = SampleEvents.event("2027-05-03T18:00:00", "2027-05-03T20:00:00", "FREQ=WEEKLY;BYDAY=MO;COUNT=6");
        series.overrides = new ArrayList<>(List.of(SampleEvents.override("2027-05-03T18:00:00", "2027-05-28T18:00:00",
                "2027-05-28T20:00:00")));
        // The window holds the new date (a Friday), not the original Monday.
        assertThat(expand(series, "2027-05-28T00:00:00Z", "2027-05-29T00:00:00Z"))
                .extracting(o -> o.originalStart().toString()).containsExactly("2027-05-03T18:00");
    }

    @Test
    void aCancelledEventCancelsEveryOccurrence() {
        Event series = SampleEvents.event("2027-05-03T18:00:00", "2027-05-03T20:00:00", "FREQ=WEEKLY;COUNT=3");
        series.status = EventStatus.CANCELLED;
        assertThat(expand(series, "2027-05-01T00:00:00Z", "2027-06-01T00:00:00Z")).hasSize(3)
                .allMatch(Occurrence::cancelled);
    }

    @Test
    void aSingleEventIsAnOccurrenceOfEveryWindowItOverlaps() {
        Event single = SampleEvents.event("2027-06-05T10:00:00", "2027-06-05T16:00:00", null);
        assertThat(expand(single, "2027-06-05T13:00:00Z", "2027-06-05T14:00:00Z")).hasSize(1);
        // Windows are half-open: one ending at the start of the event, or starting at its end, miss it.
        assertThat(expand(single, "2027-06-04T00:00:00Z", "2027-06-05T08:00:00Z")).isEmpty();
        assertThat(expand(single, "2027-06-05T14:00:00Z", "2027-06-06T00:00:00Z")).isEmpty();
    }

    @Test
    void originalStartsAreRecognised() {
        Event series = SampleEvents.event("2027-05-03T18:00:00", "2027-05-03T20:00:00", "FREQ=WEEKLY;BYDAY=MO");
        assertThat(Recurrences.isOriginalStart(series, LocalDateTime.parse("2027-05-10T18:00:00"))).isTrue();
        assertThat(Recurrences.isOriginalStart(series, LocalDateTime.parse("2027-05-11T18:00:00"))).isFalse();
        assertThat(Recurrences.isOriginalStart(series, LocalDateTime.parse("2027-05-10T18:30:00"))).isFalse();
    }

    @Test
    void rulesAreParsedStrictly() {
        assertThat(Recurrences.parse("FREQ=MONTHLY;BYDAY=-1WE")).isNotNull();
        assertThat(Recurrences.parse("FREQ=SOMETIMES")).isNull();
        assertThat(Recurrences.parse("BYDAY=MO")).isNull();
    }

    @Test
    void aSeriesEndsAfterItsThousandthOccurrenceHoweverLongAgoItStarted() {
        Event daily = SampleEvents.event("2027-01-01T10:00:00", "2027-01-01T11:00:00", "FREQ=DAILY");
        assertThat(expand(daily, "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")).hasSize(365);
        // The 1,000th occurrence is on 2029-09-26; nothing follows it.
        assertThat(expand(daily, "2029-09-01T00:00:00Z", "2029-11-01T00:00:00Z")).hasSize(26)
                .last().extracting(Occurrence::originalStart).isEqualTo(LocalDateTime.parse("2029-09-26T10:00:00"));
        Event secondly = SampleEvents.event("1990-01-01T10:00:00", "1990-01-01T10:00:01", "FREQ=SECONDLY");
        assertThat(expand(secondly, "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")).isEmpty();
    }

    @Test
    void feedsCarryTheEndOfAnOpenEndedSeries() {
        assertThat(Recurrences.bounded("FREQ=MONTHLY;BYDAY=-1WE")).isEqualTo("FREQ=MONTHLY;BYDAY=-1WE;COUNT=1000");
        assertThat(Recurrences.bounded("FREQ=WEEKLY;COUNT=3")).isEqualTo("FREQ=WEEKLY;COUNT=3");
        assertThat(Recurrences.bounded("FREQ=WEEKLY;UNTIL=20270505T000000Z"))
                .isEqualTo("FREQ=WEEKLY;UNTIL=20270505T000000Z");
    }
}
