package de.stadtlabore.common.domain;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a {@link WireName} enum as its wire name, so that the database keeps the words its
 * check constraints list. Each enum declares a subclass with {@code @Converter(autoApply = true)}.
 */
public abstract class WireNameConverter<E extends Enum<E> & WireName> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireNameConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wireName();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : WireName.parse(type, column)
                .orElseThrow(() -> new IllegalStateException("Unknown " + type.getSimpleName() + " in the database: " + column));
    }
}
