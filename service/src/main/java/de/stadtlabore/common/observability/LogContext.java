package de.stadtlabore.common.observability;

import org.jboss.logging.MDC;

/**
 * What every log line of a request carries (the JSON log's {@code mdc} object): the request id,
 * the operation, the kind of caller and the municipality it acts for. Never a name, an e-mail
 * address, a token or a key: the caller appears by kind and municipality only.
 */
public final class LogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String OPERATION = "operation";
    public static final String CALLER_KIND = "callerKind";
    public static final String MUNICIPALITY = "municipality";

    private LogContext() {
    }

    /** A request begins: its id, and an anonymous caller until credentials say otherwise. */
    public static void request(String requestId) {
        MDC.put(REQUEST_ID, requestId);
        MDC.put(CALLER_KIND, "anonymous");
        MDC.remove(OPERATION);
        MDC.remove(MUNICIPALITY);
    }

    /** The operation a request was routed to, as its method and path template: {@code GET /labs/{slug}}. */
    public static void operation(String operation) {
        MDC.put(OPERATION, operation);
    }

    /** Who calls: {@code oidc} or {@code api-key}, and the slug of the municipality (if any). */
    public static void caller(String kind, String municipality) {
        MDC.put(CALLER_KIND, kind);
        if (municipality != null) {
            MDC.put(MUNICIPALITY, municipality);
        }
    }

    public static String get(String key) {
        Object value = MDC.get(key);
        return value == null ? null : value.toString();
    }
}
