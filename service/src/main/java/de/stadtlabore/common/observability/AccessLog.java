package de.stadtlabore.common.observability;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import de.stadtlabore.common.http.RequestIds;
import de.stadtlabore.common.http.RouteIndex;
import io.vertx.ext.web.Router;

/**
 * Gives each request its log context (request id, operation; the caller's kind and municipality
 * follow when credentials are checked) and writes one log line per request when its response is
 * sent: operation, status and duration with that context, so that an operator finds a request by
 * the {@code X-Request-Id} a caller reports. The path itself is not logged, nor the
 * query string: they may carry ids of people's registrations and their cancel tokens.
 */
@Singleton
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("de.stadtlabore.access-log");
    /** Requests that matched no operation: unknown paths or methods, refused at the HTTP layer. */
    private static final String UNMATCHED = "unmatched";
    private static final String STATUS = "status";
    private static final String DURATION = "durationMs";

    @ConfigProperty(name = "stadtlabore.access-log.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    RouteIndex routes;

    void register(@Observes Router router) {
        // Right after RequestIds (Integer.MIN_VALUE), before anything that may answer early.
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            LogContext.request(RequestIds.of(ctx));
            String operation = routes.operation(ctx.request().method().name(), ctx.normalizedPath());
            if (operation != null) {
                LogContext.operation(operation);
            }
            if (enabled) {
                long started = System.nanoTime();
                ctx.addEndHandler(done -> {
                    int status = ctx.response().getStatusCode();
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    MDC.put(STATUS, Integer.toString(status));
                    MDC.put(DURATION, Long.toString(millis));
                    LOG.infof("%s %d %d ms", operation == null ? ctx.request().method().name() + " " + UNMATCHED : operation,
                            status, millis);
                    MDC.remove(STATUS);
                    MDC.remove(DURATION);
                });
            }
            ctx.next();
        });
    }
}
