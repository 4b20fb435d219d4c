package de.stadtlabore.common.paging;

import java.util.ArrayList;
import java.util.List;

import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.Violation;

/**
 * A requested page: 1-based {@code page} and {@code size} (default 20, at most 100). Parsed from
 * raw query strings so that {@code ?page=abc} is a 400 that names the parameter, not a 404.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest parse(String page, String size) {
        List<Violation> violations = new ArrayList<>();
        int p = parseInt("page", page, 1, 1, Integer.MAX_VALUE / MAX_SIZE, violations);
        int s = parseInt("size", size, DEFAULT_SIZE, 1, MAX_SIZE, violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return (page - 1) * size;
    }

    private static int parseInt(String name, String raw, int fallback, int min, int max, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            violations.add(new Violation(name, "field.not-an-integer"));
            return fallback;
        }
        if (value < min) {
            violations.add(new Violation(name, "field.min", min));
        } else if (value > max) {
            violations.add(new Violation(name, "field.max", max));
        }
        return value;
    }
}
