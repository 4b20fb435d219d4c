package de.stadtlabore.common.problem;

/** One invalid input: the field (JSON path of the body, or a query parameter) and why. */
public record FieldError(String field, String message) {
}
