package de.stadtlabore.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

import de.stadtlabore.common.problem.Violation;

/**
 * Expands events into occurrences with lib-recur, in the event's local time: a series at 09:30
 * stays at 09:30 across daylight-saving changes.
 */
public final class Recurrences {

    /** Moved occurrences stay within this distance of their original start. */
    public static final Duration MAX_MOVE = Duration.ofDays(31);
    /**
     * A series has at most this many occurrences; an open-ended one ends after the last of them.
     * Every expansion counts from the first occurrence, so its cost never grows with the age of a
     * series (weekly: 19 years, daily: 2.7 years).
     */
    public static final int MAX_INSTANCES = 1_000;
    /** Until when a series may run at the latest, from today. */
    public static final Period MAX_UNTIL = Period.ofYears(10);
    private static final Set<Freq> FREQUENCIES = EnumSet.of(Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY, Freq.YEARLY);
    /** The largest INTERVAL per frequency: about once a year, or once in ten years for yearly series. */
    private static final Map<Freq, Integer> MAX_INTERVAL = Map.of(Freq.DAILY, 366, Freq.WEEKLY, 53, Freq.MONTHLY, 12,
            Freq.YEARLY, 10);

    private Recurrences() {
    }

    /** Parses a rule strictly; null if it is not valid RFC 5545. */
    public static RecurrenceRule parse(String rule) {
        try {
            return new RecurrenceRule(rule, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Why a rule cannot be a series with this first start, as a message key with its arguments;
     * null if it can. Series repeat daily at most, take their time of day from the start, end by
     * {@link #MAX_UNTIL} and have at least one and, if they end, at most {@link #MAX_INSTANCES}
     * occurrences.
     */
    public static Violation refusal(String field, String text, LocalDateTime start, ZoneId zone, Instant now) {
        RecurrenceRule rule = parse(text);
        if (rule == null) {
            return new Violation(field, "field.invalid-rrule");
        }
        if (!FREQUENCIES.contains(rule.getFreq())) {
            return new Violation(field, "field.rrule-frequency");
        }
        // Not a constant: lib-recur's Part must not be initialised before RecurrenceRule.
        if (rule.hasPart(RecurrenceRule.Part.BYHOUR) || rule.hasPart(RecurrenceRule.Part.BYMINUTE)
                || rule.hasPart(RecurrenceRule.Part.BYSECOND)) {
            return new Violation(field, "field.rrule-time-of-day");
        }
        if (rule.getInterval() > MAX_INTERVAL.get(rule.getFreq())) {
            return new Violation(field, "field.rrule-interval", MAX_INTERVAL.get(rule.getFreq()));
        }
        DateTime until = rule.getUntil();
        Instant latest = now.atZone(zone).plus(MAX_UNTIL).toInstant();
        if (until != null && Instant.ofEpochMilli(until.getTimestamp()).isAfter(latest)) {
            return new Violation(field, "field.rrule-until-too-far", MAX_UNTIL.getYears());
        }
        boolean ends = until != null || rule.getCount() != null;
        int n = 0;
        boolean beyond = false;
        try {
            RecurrenceRuleIterator instances = rule.iterator(dtstart(start, zone));
            while (instances.hasNext() && n <= MAX_INSTANCES) {
                if (instances.nextDateTime().getTimestamp() > latest.toEpochMilli()) {
                    beyond = true;
                    break;
                }
                n++;
            }
        } catch (RuntimeException impossible) {
            // lib-recur gives up on rules whose filters leave no (further) instance, e.g. 30 February.
        }
        if (n == 0) {
            return new Violation(field, "field.rrule-no-occurrence");
        }
        if (ends && beyond) {
            return new Violation(field, "field.rrule-until-too-far", MAX_UNTIL.getYears());
        }
        if (n > MAX_INSTANCES && ends) {
            return new Violation(field, "field.series-too-long", MAX_INSTANCES);
        }
        return null;
    }

    /** The rule as calendars should read it: an open-ended series ends after MAX_INSTANCES. */
    public static String bounded(String rule) {
        RecurrenceRule parsed = parse(rule);
        return parsed == null || parsed.getUntil() != null || parsed.getCount() != null ? rule
                : rule + ";COUNT=" + MAX_INSTANCES;
    }

    /** Whether a local start is an occurrence of the series (before overrides). */
    public static boolean isOriginalStart(Event event, LocalDateTime start) {
        ZoneId zone = ZoneId.of(event.timeZone);
        Instant at = start.atZone(zone).toInstant();
        return originals(event, at.minusSeconds(1), at.plusSeconds(1)).contains(start);
    }

    /** The occurrences overlapping [from, to), by start; cancelled ones included and marked. */
    public static List<Occurrence> expand(Event event, Instant from, Instant to) {
        ZoneId zone = ZoneId.of(event.timeZone);
        Duration length = Duration.between(event.startsLocal, event.endsLocal);
        Map<LocalDateTime, OccurrenceOverride> overrides = event.overrides.stream()
                .collect(Collectors.toMap(o -> o.originalStart, Function.identity(), (a, b) -> b));
        List<Occurrence> result = new ArrayList<>();
        Set<LocalDateTime> exdates = new HashSet<>(event.exdates);
        for (LocalDateTime original : originals(event, from.minus(MAX_MOVE).minus(length), to.plus(MAX_MOVE))) {
            if (exdates.contains(original)) {
                continue;
            }
            OccurrenceOverride override = overrides.get(original);
            boolean moved = override != null && !override.cancelled;
            LocalDateTime startLocal = moved ? override.startsLocal : original;
            LocalDateTime endLocal = moved ? override.endsLocal : original.plus(length);
            ZonedDateTime start = startLocal.atZone(zone);
            ZonedDateTime end = endLocal.atZone(zone);
            if (end.toInstant().isAfter(from) && start.toInstant().isBefore(to)) {
                result.add(new Occurrence(event, original, start, end,
                        event.status == EventStatus.CANCELLED || (override != null && override.cancelled), moved));
            }
        }
        result.sort(Comparator.comparing(Occurrence::start));
        return result;
    }

    /** Original local starts of the series within [from, to). */
    private static List<LocalDateTime> originals(Event event, Instant from, Instant to) {
        ZoneId zone = ZoneId.of(event.timeZone);
        if (event.rrule == null) {
            Instant start = event.startsLocal.atZone(zone).toInstant();
            return !start.isBefore(from) && start.isBefore(to) ? List.of(event.startsLocal) : List.of();
        }
        RecurrenceRule rule = parse(event.rrule);
        List<LocalDateTime> starts = new ArrayList<>();
        if (rule == null) {
            return starts;
        }
        // No fast-forward: lib-recur would step through every instance since the start anyway,
        // unbounded. Counting from the first occurrence bounds the work by MAX_INSTANCES.
        try {
            RecurrenceRuleIterator instances = rule.iterator(dtstart(event.startsLocal, zone));
            for (int n = 0; instances.hasNext() && n < MAX_INSTANCES; n++) {
                DateTime next = instances.nextDateTime();
                if (next.getTimestamp() >= to.toEpochMilli()) {
                    break;
                }
                if (next.getTimestamp() >= from.toEpochMilli()) {
                    starts.add(LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(),
                            next.getHours(), next.getMinutes(), next.getSeconds()));
                }
            }
        } catch (RuntimeException impossible) {
            // A rule stored before today's checks whose filters leave no further instance.
        }
        return starts;
    }

    private static DateTime dtstart(LocalDateTime s, ZoneId zone) {
        return new DateTime(TimeZone.getTimeZone(zone), s.getYear(), s.getMonthValue() - 1, s.getDayOfMonth(),
                s.getHour(), s.getMinute(), s.getSecond());
    }
}
