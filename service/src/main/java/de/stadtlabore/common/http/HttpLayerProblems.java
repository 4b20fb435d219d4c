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

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        // Refuse a declared oversized body before anything reads it.
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isLongerThan(length, maxBodySize.asLongValue())) {
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

    /** Ends the exchange with a problem document, in the language the caller prefers. */
    public void send(RoutingContext ctx, ProblemType type, String detailKey) {
        Locale locale = Messages.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String path = ctx.request().path();
        Problem problem = Problems.problem(type, locale, Messages.text(detailKey, locale, path), path,
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
