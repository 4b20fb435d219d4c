package de.stadtlabore.common.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A value of a closed set that travels as a lower-case word with hyphens: {@code HANDED_OVER} is
 * {@code "handed-over"} in JSON, in the database (see {@link WireNameConverter}) and in messages.
 * Implemented by enums.
 */
public interface WireName {

    @JsonValue
    default String wireName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The wire names of some constants, as an array parameter for {@code array_has(?, column)}
     * (see {@code ArrayHasFunction}), which Hibernate translates once, unlike {@code in} with a list.
     */
    static String[] wireNames(Collection<? extends WireName> values) {
        return values.stream().map(WireName::wireName).toArray(String[]::new);
    }

    /** The constant with that wire name, if any. */
    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String wireName) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(wireName)).findFirst();
    }
}
