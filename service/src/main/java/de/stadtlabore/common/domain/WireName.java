package de.stadtlabore.common.domain;

import java.util.Arrays;
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

    /** The constant with that wire name, if any. */
    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String wireName) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(wireName)).findFirst();
    }
}
