package de.stadtlabore.common.http;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtlabore.common.problem.Messages;
import de.stadtlabore.common.problem.Problem;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem documents for what happens below JAX-RS: requests that no route matched, bodies over
 * the size limit, and other 4xx failures of the HTTP layer — instead of the server's plain
 * default pages.
 */
@Singleton
public class HttpLayerProblems {

    /**
     * The longest request line and the largest headers the service reads, answered with 414 and
     * 431 problem documents; the HTTP server's own, higher limits (configuration) only catch
     * what no client should ever send.
     */
    static final int MAX_REQUEST_LINE = 8 * 1024;
    static final int MAX_HEADERS = 16 * 1024;
    /** NUL and the other C0 controls, raw or percent-encoded. */
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern
            .compile("%(0[0-9a-fA-F]|1[0-9a-fA-F]|7[fF])|[\\x00-\\x1f\\x7f]");

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String uri = ctx.request().uri();
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (uri.length() > MAX_REQUEST_LINE) {
                send(ctx, ProblemType.URI_TOO_LONG, "detail.uri-too-long", MAX_REQUEST_LINE);
            } else if (headerBytes(ctx) > MAX_HEADERS) {
                send(ctx, ProblemType.HEADERS_TOO_LARGE, "detail.headers-too-large", MAX_HEADERS);
            } else if (CONTROL.matcher(uri).find()) {
                // PostgreSQL cannot hold NUL, and no path or filter needs a control character.
                send(ctx, ProblemType.BAD_REQUEST, "detail.control-character");
            } else if (length != null && isLongerThan(length, maxBodySize.asLongValue())) {
                // Refuse a declared oversized body before anything reads it.
                send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "detail.payload-too-large");
            } else {
                ctx.next();
            }
        });
        router.route().last().handler(ctx -> send(ctx, ProblemType.NOT_FOUND, "detail.route-not-found"));
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.statusCode();
            if (ctx.response().headWritten() || status < 400 || status >= 500) {
                ctx.next();
                return;
            }
            ProblemType type = ProblemType.forStatus(status);
            send(ctx, type, type == ProblemType.PAYLOAD_TOO_LARGE ? "detail.payload-too-large" : "detail.bad-request");
        });
    }

    private static boolean isLongerThan(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int headerBytes(RoutingContext ctx) {
        int bytes = 0;
        for (var header : ctx.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /** Ends the exchange with a problem document, in the language the caller prefers. */
    public void send(RoutingContext ctx, ProblemType type, String detailKey) {
        send(ctx, type, detailKey, ctx.request().path());
    }

    private void send(RoutingContext ctx, ProblemType type, String detailKey, Object argument) {
        Locale locale = Messages.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String path = ctx.request().path();
        if (path == null || path.length() > 200 || CONTROL.matcher(path).find()) {
            path = "/";
        }
        Problem problem = Problems.problem(type, locale, Messages.text(detailKey, locale, argument), path,
                RequestIds.of(ctx), List.of());
        try {
            ctx.response()
                    .setStatusCode(type.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                    .end(objectMapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
