package de.stadtlabore.common.problem;

import java.net.URI;

/**
 * The catalogue of problem types this API answers with (RFC 9457). Each has a stable URN, an
 * HTTP status and a title in German and English (see {@code problems*.properties}).
 */
public enum ProblemType {
    BAD_REQUEST("bad-request", 400),
    MALFORMED_BODY("malformed-body", 400),
    VALIDATION_FAILED("validation-failed", 400),
    UNAUTHORIZED("unauthorized", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    CONFLICT("conflict", 409),
    /** A request with the same {@code Idempotency-Key} is still running. */
    REQUEST_IN_PROGRESS("request-in-progress", 409),
    /** A change-feed cursor older than the changes kept. */
    CURSOR_EXPIRED("cursor-expired", 410),
    PRECONDITION_FAILED("precondition-failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    URI_TOO_LONG("uri-too-long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    /** An {@code Idempotency-Key} used before for a different request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    PRECONDITION_REQUIRED("precondition-required", 428),
    TOO_MANY_REQUESTS("too-many-requests", 429),
    HEADERS_TOO_LARGE("headers-too-large", 431),
    INTERNAL_ERROR("internal-error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", 503);

    private static final String URN_PREFIX = "urn:stadtlabore:problem:";

    private final String slug;
    private final int status;

    ProblemType(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return URI.create(URN_PREFIX + slug);
    }

    /** The type that fits a bare HTTP status, for errors raised outside our own code. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_BODY && type != VALIDATION_FAILED
                    && type != REQUEST_IN_PROGRESS && type != IDEMPOTENCY_KEY_REUSED && type != CURSOR_EXPIRED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
