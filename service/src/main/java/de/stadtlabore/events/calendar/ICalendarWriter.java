package de.stadtlabore.events.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import de.stadtlabore.events.Event;
import de.stadtlabore.events.EventStatus;
import de.stadtlabore.events.OccurrenceOverride;
import de.stadtlabore.events.Recurrences;

/**
 * Writes events as an RFC 5545 iCalendar: series with their RRULE and EXDATE, moved or
 * cancelled occurrences as overrides with RECURRENCE-ID, times in the event's zone with a
 * VTIMEZONE for it, stable UIDs and SEQUENCE.
 */
public final class ICalendarWriter {

    /** Characters that an iCalendar TEXT value may not contain: every control character but tab. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String[] DAYS = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

    private final StringBuilder out = new StringBuilder();
    private final String host;

    private ICalendarWriter(String host) {
        this.host = host;
    }

    /**
     * @param name     the calendar's display name
     * @param host     domain part of UIDs
     * @param linkBase base URL for event links, e.g. {@code https://api.example.org/events/}
     */
    public static String write(String name, String host, String linkBase, Collection<Event> events) {
        ICalendarWriter writer = new ICalendarWriter(host);
        writer.line("BEGIN:VCALENDAR");
        writer.line("VERSION:2.0");
        writer.line("PRODID:-//Stadtlabore//Stadtlabore API//DE");
        writer.line("CALSCALE:GREGORIAN");
        writer.line("METHOD:PUBLISH");
        writer.property("X-WR-CALNAME", name);
        Set<String> zones = new LinkedHashSet<>();
        events.forEach(e -> zones.add(e.timeZone));
        zones.forEach(writer::timeZone);
        for (Event event : events) {
            writer.event(event, linkBase);
        }
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    private void event(Event e, String linkBase) {
        line("BEGIN:VEVENT");
        common(e);
        line("DTSTART;TZID=" + e.timeZone + ":" + LOCAL.format(e.startsLocal));
        line("DTEND;TZID=" + e.timeZone + ":" + LOCAL.format(e.endsLocal));
        if (e.rrule != null) {
            line("RRULE:" + Recurrences.bounded(e.rrule));
            if (!e.exdates.isEmpty()) {
                line("EXDATE;TZID=" + e.timeZone + ":"
                        + String.join(",", e.exdates.stream().sorted().map(LOCAL::format).toList()));
            }
        }
        describe(e, linkBase);
        line("STATUS:" + (e.status == EventStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line("END:VEVENT");
        if (e.rrule == null) {
            return;
        }
        Duration length = Duration.between(e.startsLocal, e.endsLocal);
        for (OccurrenceOverride override : e.overrides.stream()
                .sorted((a, b) -> a.originalStart.compareTo(b.originalStart)).toList()) {
            line("BEGIN:VEVENT");
            common(e);
            line("RECURRENCE-ID;TZID=" + e.timeZone + ":" + LOCAL.format(override.originalStart));
            LocalDateTime start = override.cancelled ? override.originalStart : override.startsLocal;
            LocalDateTime end = override.cancelled ? override.originalStart.plus(length) : override.endsLocal;
            line("DTSTART;TZID=" + e.timeZone + ":" + LOCAL.format(start));
            line("DTEND;TZID=" + e.timeZone + ":" + LOCAL.format(end));
            describe(e, linkBase);
            line("STATUS:" + (override.cancelled || e.status == EventStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
            line("END:VEVENT");
        }
    }

    /** DTSTAMP is the last change, so that an unchanged feed is byte-identical (and keeps its ETag). */
    private void common(Event e) {
        line("UID:" + e.id + "@" + host);
        line("DTSTAMP:" + UTC.format(e.updatedAt.toInstant()));
        line("LAST-MODIFIED:" + UTC.format(e.updatedAt.toInstant()));
        line("SEQUENCE:" + e.sequence);
    }

    private void describe(Event e, String linkBase) {
        property("SUMMARY", e.title);
        if (!e.description.isBlank()) {
            property("DESCRIPTION", e.description + (e.onlineUrl == null ? "" : "\n\nOnline: " + e.onlineUrl));
        }
        String location = e.placeLab != null
                ? e.placeLab.name + ", " + e.placeLab.street + ", " + e.placeLab.postalCode + " " + e.placeLab.city
                : e.placeAddress != null ? e.placeAddress : e.onlineUrl;
        if (location != null) {
            property("LOCATION", location);
        }
        if (!e.topics.isEmpty()) {
            line("CATEGORIES:" + String.join(",", e.topics.stream().map(ICalendarWriter::escape).toList()));
        }
        line("URL:" + linkBase + e.id);
        line("CLASS:" + (e.isPublic() ? "PUBLIC" : "PRIVATE"));
    }

    /** A VTIMEZONE from the zone's current rules (yearly transitions, or a fixed offset). */
    private void timeZone(String id) {
        ZoneRules rules = ZoneId.of(id).getRules();
        line("BEGIN:VTIMEZONE");
        line("TZID:" + id);
        List<ZoneOffsetTransitionRule> transitions = rules.getTransitionRules();
        if (transitions.isEmpty()) {
            ZoneOffset offset = rules.getOffset(Instant.now());
            line("BEGIN:STANDARD");
            line("DTSTART:19700101T000000");
            line("TZOFFSETFROM:" + offset(offset));
            line("TZOFFSETTO:" + offset(offset));
            line("END:STANDARD");
        }
        for (ZoneOffsetTransitionRule rule : transitions) {
            boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getOffsetBefore().getTotalSeconds();
            var transition = rule.createTransition(1970);
            int dom = rule.getDayOfMonthIndicator();
            String byDay = rule.getDayOfWeek() == null ? ""
                    : ";BYDAY=" + (dom < 0 ? "-1" : dom > 24 ? "-1" : Integer.toString((dom + 6) / 7))
                            + DAYS[rule.getDayOfWeek().getValue() - 1];
            line("BEGIN:" + (daylight ? "DAYLIGHT" : "STANDARD"));
            line("DTSTART:" + LOCAL.format(transition.getDateTimeBefore()));
            line("TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
            line("TZOFFSETTO:" + offset(rule.getOffsetAfter()));
            line("RRULE:FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + byDay);
            line("TZNAME:" + (daylight ? "Sommerzeit" : "Normalzeit"));
            line("END:" + (daylight ? "DAYLIGHT" : "STANDARD"));
        }
        line("END:VTIMEZONE");
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        return String.format("%s%02d%02d", seconds < 0 ? "-" : "+", Math.abs(seconds) / 3600, Math.abs(seconds) / 60 % 60);
    }

    private void property(String name, String value) {
        line(name + ":" + escape(value));
    }

    /**
     * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break
     * (CRLF, LF or a lone CR) as {@code \\n}, and the control characters TEXT may not contain
     * (all but tab) dropped, so that no input can end a line or start a property.
     */
    static String escape(String value) {
        String text = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\\n");
        return CONTROL.matcher(text).replaceAll("");
    }

    /** Folds lines longer than 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
    private void line(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            if (!first) {
                out.append(' ');
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            out.append("\r\n");
        }
    }
}
