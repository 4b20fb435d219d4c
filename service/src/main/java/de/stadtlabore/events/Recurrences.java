package de.stadtlabore.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * Expands events into occurrences with lib-recur, in the event's local time: a series at 09:30
 * stays at 09:30 across daylight-saving changes.
 */
public final class Recurrences {

    /** Moved occurrences stay within this distance of their original start. */
    public static final Duration MAX_MOVE = Duration.ofDays(31);
    private static final int MAX_INSTANCES = 5_000;

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
        LocalDateTime s = event.startsLocal;
        DateTime dtstart = new DateTime(TimeZone.getTimeZone(zone), s.getYear(), s.getMonthValue() - 1,
                s.getDayOfMonth(), s.getHour(), s.getMinute(), s.getSecond());
        RecurrenceRuleIterator instances = rule.iterator(dtstart);
        if (from.toEpochMilli() > dtstart.getTimestamp()) {
            instances.fastForward(from.toEpochMilli());
        }
        List<LocalDateTime> starts = new ArrayList<>();
        for (int n = 0; instances.hasNext() && n < MAX_INSTANCES; n++) {
            DateTime next = instances.nextDateTime();
            if (next.getTimestamp() >= to.toEpochMilli()) {
                break;
            }
            starts.add(LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(), next.getHours(),
                    next.getMinutes(), next.getSeconds()));
        }
        return starts;
    }
}
