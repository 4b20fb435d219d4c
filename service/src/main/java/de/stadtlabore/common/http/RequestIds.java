package de.stadtlabore.common.http;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is well-formed, a new
 * UUID otherwise. It is echoed in the response, carried in problem documents and logs, and
 * later in audit records, so that an operator can follow one request end to end.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "stadtlabore.request-id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String incoming = ctx.request().getHeader(HEADER);
            String id = incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
            ctx.put(KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    public static String of(RoutingContext ctx) {
        return ctx == null ? null : ctx.get(KEY);
    }
}
