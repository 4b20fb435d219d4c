package de.stadtlabore.common.http;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.Violation;

/** Parses raw path and query parameters, so that a malformed value is a 400 that names it. */
public final class Params {

    private Params() {
    }

    /** A filter value, trimmed; null when absent or blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An optional RFC 3339 instant; null when absent. */
    public static java.time.OffsetDateTime instant(String name, String raw) {
        List<Violation> violations = new java.util.ArrayList<>();
        java.time.OffsetDateTime value = instant(name, raw, false, violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return value;
    }

    /** An RFC 3339 instant; a malformed (or missing, if required) one is added to the violations. */
    public static java.time.OffsetDateTime instant(String name, String raw, boolean required, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                violations.add(new Violation(name, "field.required"));
            }
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(raw.trim());
        } catch (java.time.format.DateTimeParseException e) {
            violations.add(new Violation(name, "field.not-an-instant"));
            return null;
        }
    }

    /** An optional value of a closed set, by its wire name; null when absent or blank, a 400 when unknown. */
    public static <E extends Enum<E> & WireName> E oneOf(String name, String raw, Class<E> type) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        return WireName.parse(type, value).orElseThrow(() -> ApiException.invalid(List.of(new Violation(name,
                "field.one-of", String.join(", ", Arrays.stream(type.getEnumConstants()).map(WireName::wireName).toList())))));
    }

    public static UUID uuid(String name, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalid(List.of(new Violation(name, "field.not-a-uuid")));
        }
    }
}
