package de.stadtlabore.common.problem;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * A client-facing failure raised by services. The detail is a message key with arguments, so
 * that the problem is rendered in the caller's language at the HTTP boundary.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final String detailKey;
    private final transient Object[] detailArgs;
    private final transient List<Violation> violations;
    private transient Supplier<Map<String, Object>> lookup;
    private transient Map<String, Object> extensions;

    public ApiException(ProblemType type, String detailKey, Object... detailArgs) {
        this(type, List.of(), detailKey, detailArgs);
    }

    public ApiException(ProblemType type, List<Violation> violations, String detailKey, Object... detailArgs) {
        this(type, violations, Map.of(), detailKey, detailArgs);
    }

    private ApiException(ProblemType type, List<Violation> violations, Map<String, Object> extensions,
            String detailKey, Object... detailArgs) {
        super(type.slug() + ": " + detailKey, null, false, false);
        this.type = type;
        this.detailKey = detailKey;
        this.detailArgs = detailArgs.clone();
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
    }

    /**
     * A problem whose extension members are looked up only when it is rendered: after the
     * transaction that failed has ended and returned its connection. A refusal that needs the
     * database to explain itself (a booking clash names what it clashes with) must not ask for a
     * second connection while its own transaction still holds one: under load every request
     * would hold one and wait for another, and none could go on.
     */
    public static ApiException withExtensionsLookedUp(ProblemType type, Supplier<Map<String, Object>> lookup,
            String detailKey, Object... args) {
        ApiException e = new ApiException(type, List.of(), Map.of(), detailKey, args);
        e.lookup = lookup;
        return e;
    }

    /** A problem with extension members, e.g. the periods a booking conflicts with. */
    public static ApiException withExtensions(ProblemType type, Map<String, Object> extensions, String detailKey,
            Object... args) {
        return new ApiException(type, List.of(), extensions, detailKey, args);
    }

    public static ApiException notFound(String detailKey, Object... args) {
        return new ApiException(ProblemType.NOT_FOUND, detailKey, args);
    }

    public static ApiException invalid(List<Violation> violations) {
        return new ApiException(ProblemType.VALIDATION_FAILED, violations, "detail.validation-failed");
    }

    public ProblemType type() {
        return type;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArgs() {
        return detailArgs.clone();
    }

    public List<Violation> violations() {
        return violations;
    }

    public synchronized Map<String, Object> extensions() {
        if (lookup != null) {
            try {
                extensions = Map.copyOf(lookup.get());
            } catch (RuntimeException e) {
                // The refusal stands; only its explanation is missing (the database went away).
                Logger.getLogger(ApiException.class).warnf("Details of a %s problem not looked up: %s", type.slug(),
                        e.toString());
            }
            lookup = null;
        }
        return extensions;
    }
}
