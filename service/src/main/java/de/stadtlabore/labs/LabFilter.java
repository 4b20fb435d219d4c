package de.stadtlabore.labs;

/**
 * Filters of the lab list; {@code null} means "any".
 *
 * @param municipality slug of the municipality
 * @param topic        a topic, compared case-insensitively
 * @param text         German full-text search over name, city, topics and description, plus
 *                     substring match on the name for search-as-you-type
 */
public record LabFilter(String municipality, String topic, String text) {
}
