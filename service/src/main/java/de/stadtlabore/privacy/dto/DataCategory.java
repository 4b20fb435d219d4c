package de.stadtlabore.privacy.dto;

import java.util.List;

/**
 * What the service stores of one kind of personal data, for which purpose, and for how long:
 * {@code keptFor} is an ISO-8601 duration from the configuration, counted from what
 * {@code retention} says; null where the data stays until someone removes it.
 */
public record DataCategory(String category, List<String> fields, Texts purpose, String keptFor, Texts retention) {
}
