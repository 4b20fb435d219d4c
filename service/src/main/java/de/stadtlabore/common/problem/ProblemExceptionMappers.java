package de.stadtlabore.common.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.http.RequestIds;
import de.stadtlabore.common.http.RouteIndex;
import de.stadtlabore.common.persistence.DatabaseGate;
import de.stadtlabore.common.persistence.DatabaseUnavailableException;
import de.stadtlabore.common.persistence.SqlStates;
import de.stadtlabore.common.ratelimit.RateLimitExceeded;
import de.stadtlabore.common.ratelimit.RateLimiter;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where exceptions become RFC 9457 problem documents. Client mistakes get a 4xx
 * that says what was wrong; anything unexpected becomes a 500 without internals, logged with
 * the request id.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    /** A database restart takes seconds; clients should not hammer it meanwhile. */
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @Inject
    RouteIndex routes;

    @Inject
    DatabaseGate databaseGate;

    @ServerExceptionMapper
    public Response api(ApiException e, HttpHeaders headers, RoutingContext ctx) {
        Locale locale = Messages.negotiate(headers);
        return Problems.response(Problems.fromException(e, locale, instance(ctx), RequestIds.of(ctx)), locale);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers, RoutingContext ctx) {
        Set<ConstraintViolation<?>> violations = e.getConstraintViolations();
        if (violations.stream().anyMatch(ProblemExceptionMappers::isReturnValue)) {
            return unexpected(e, headers, ctx);
        }
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        if (errors.stream().anyMatch(error -> error.field().isEmpty())) {
            // The body parameter itself is missing.
            return render(ProblemType.MALFORMED_BODY, "detail.empty-body", List.of(), headers, ctx);
        }
        return render(ProblemType.VALIDATION_FAILED, "detail.validation-failed", errors, headers, ctx);
    }

    /** Registered for the specific Jackson types too, so that it wins over Quarkus' built-in mappers. */
    @ServerExceptionMapper(value = { JsonProcessingException.class, JsonParseException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class }, priority = Priorities.USER - 100)
    public Response json(JsonProcessingException e, HttpHeaders headers, RoutingContext ctx) {
        Locale locale = Messages.negotiate(headers);
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException) && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = Messages.text("field.unknown", locale);
            } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
                Class<?> target = ((MismatchedInputException) e).getTargetType();
                message = Messages.text("field.wrong-type", locale, typeName(target));
            } else {
                message = Messages.text("field.invalid", locale);
            }
            Problem problem = Problems.problem(ProblemType.VALIDATION_FAILED, locale,
                    Messages.text("detail.validation-failed", locale), instance(ctx), RequestIds.of(ctx),
                    List.of(new FieldError(field, message)));
            return Problems.response(problem, locale);
        }
        String detail;
        if (isEmptyBody(e)) {
            detail = Messages.text("detail.empty-body", locale);
        } else if (e.getLocation() == null) {
            detail = Messages.text("detail.malformed-body", locale);
        } else {
            detail = Messages.text("detail.malformed-body-at", locale, e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr());
        }
        Problem problem = Problems.problem(ProblemType.MALFORMED_BODY, locale, detail, instance(ctx),
                RequestIds.of(ctx), List.of());
        return Problems.response(problem, locale);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, HttpHeaders headers, RoutingContext ctx) {
        if (SqlStates.databaseUnavailable(e)) {
            // Checking an API key needs the database: its absence is not the caller's fault.
            return databaseUnavailable(e, headers, ctx);
        }
        java.time.Duration retryAfter = Throttling.retryAfter(e);
        if (retryAfter != null) {
            boolean provider = Throttling.providerUnavailable(e);
            Response response = provider
                    ? render(ProblemType.SERVICE_UNAVAILABLE, "detail.identity-provider-unavailable", List.of(), headers, ctx)
                    : render(ProblemType.TOO_MANY_REQUESTS, "detail.too-many-failed-keys", List.of(), headers, ctx);
            long seconds = Math.max(1, retryAfter.toSeconds());
            return Response.fromResponse(response).header("Retry-After", seconds).build();
        }
        Response response = render(ProblemType.UNAUTHORIZED, "detail.unauthorized", List.of(), headers, ctx);
        return Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"X-API-Key\"")
                .build();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitExceeded e, HttpHeaders headers, RoutingContext ctx) {
        RateLimiter.Usage usage = e.usage();
        return Response.fromResponse(render(ProblemType.TOO_MANY_REQUESTS, "detail.rate-limited", List.of(), headers, ctx))
                .header("Retry-After", usage.resetSeconds())
                .header("RateLimit-Policy", usage.policy().header())
                .header("RateLimit", usage.header())
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, RoutingContext ctx) {
        return render(ProblemType.FORBIDDEN, "detail.forbidden", List.of(), headers, ctx);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, RoutingContext ctx) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, headers, ctx);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, ctx);
        }
        Locale locale = Messages.negotiate(headers);
        String method = ctx == null ? "" : ctx.request().method().name();
        String detail;
        Set<String> allowed = Set.of();
        if (e instanceof NotAllowedException) {
            allowed = routes.allowedMethods(instance(ctx));
        }
        if (e instanceof NotFoundException) {
            detail = Messages.text("detail.route-not-found", locale, instance(ctx));
        } else if (e instanceof NotAllowedException) {
            detail = Messages.text("detail.method-not-allowed", locale, method, String.join(", ", allowed));
        } else if (e instanceof NotSupportedException) {
            detail = Messages.text("detail.unsupported-media-type", locale, String.valueOf(headers.getMediaType()));
        } else if (e instanceof NotAcceptableException) {
            detail = Messages.text("detail.not-acceptable", locale);
        } else {
            detail = Messages.text("detail.bad-request", locale);
        }
        Problem problem = Problems.problem(ProblemType.forStatus(status), locale, detail, instance(ctx),
                RequestIds.of(ctx), List.of());
        Response.ResponseBuilder builder = Response.fromResponse(Problems.response(problem, locale));
        if (e instanceof NotAllowedException) {
            builder.allow(allowed);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, RoutingContext ctx) {
        if (SqlStates.databaseUnavailable(e)) {
            return databaseUnavailable(e, headers, ctx);
        }
        if (isOptimisticLockFailure(e)) {
            // Someone else changed the object between our If-Match check and the commit.
            return render(ProblemType.PRECONDITION_FAILED, "detail.stale-if-match", List.of(), headers, ctx);
        }
        if (SqlStates.causedBy(e, SqlStates.INTEGRITY_VIOLATION) || SqlStates.causedBy(e, SqlStates.TRANSACTION_ROLLBACK)) {
            // The database refused a write that raced another one (a unique key, an exclusion
            // constraint, a deadlock it broke): the client may retry, so this is a conflict, not a
            // server error.
            LOG.debugf(e, "Write refused for a concurrent one in request %s", RequestIds.of(ctx));
            return render(ProblemType.CONFLICT, "detail.concurrent-conflict", List.of(), headers, ctx);
        }
        String requestId = RequestIds.of(ctx);
        LOG.errorf(e, "Unexpected error in request %s %s (request id %s)", ctx == null ? "" : ctx.request().method(),
                instance(ctx), requestId);
        Locale locale = Messages.negotiate(headers);
        Problem problem = Problems.problem(ProblemType.INTERNAL_ERROR, locale,
                Messages.text("detail.internal-error", locale, requestId), instance(ctx), requestId, List.of());
        return Problems.response(problem, locale);
    }

    /**
     * The database cannot be reached (down, restarting, unreachable, or the pool exhausted):
     * 503 with a hint when to retry, logged once per request without a stack trace, since the
     * cause lies outside the service and readiness reports it.
     */
    private Response databaseUnavailable(Throwable e, HttpHeaders headers, RoutingContext ctx) {
        databaseGate.failed(e);
        if (!(e instanceof DatabaseUnavailableException)) {
            LOG.warnf("Database unavailable in request %s: %s", RequestIds.of(ctx), rootMessage(e));
        }
        return Response.fromResponse(render(ProblemType.SERVICE_UNAVAILABLE, "detail.database-unavailable", List.of(),
                headers, ctx)).header("Retry-After", DATABASE_RETRY_AFTER_SECONDS).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Response render(ProblemType type, String detailKey, List<FieldError> errors, HttpHeaders headers,
            RoutingContext ctx) {
        Locale locale = Messages.negotiate(headers);
        Problem problem = Problems.problem(type, locale, Messages.text(detailKey, locale), instance(ctx),
                RequestIds.of(ctx), errors);
        return Problems.response(problem, locale);
    }

    private static String instance(RoutingContext ctx) {
        return ctx == null ? null : ctx.request().path();
    }

    private static boolean isOptimisticLockFailure(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleObjectStateException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code create.body.address.street} → {@code address.street}: drop method and parameter. */
    static String fieldOf(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parts.clear();
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                appendIndexed(parts, node.getIndex());
            }
            if (!name.isEmpty() && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static void appendIndexed(List<String> parts, int index) {
        if (parts.isEmpty()) {
            parts.add("[" + index + "]");
        } else {
            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + index + "]");
        }
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static boolean isEmptyBody(JsonProcessingException e) {
        return e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("No content");
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "?";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c instanceof WireName wire ? wire.wireName() : c.toString())
                    .collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == String.class) {
            return "string";
        }
        return "object";
    }
}
