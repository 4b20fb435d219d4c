package de.stadtlabore.common.problem;

/**
 * An invalid input found by our own code: the field and a message key (with arguments) that is
 * rendered in the caller's language as a {@link FieldError}.
 */
public record Violation(String field, String messageKey, Object... args) {
}
