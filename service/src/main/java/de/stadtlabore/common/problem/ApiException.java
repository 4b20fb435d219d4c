package de.stadtlabore.common.problem;

import java.util.List;
import java.util.Map;

/**
 * A client-facing failure raised by services. The detail is a message key with arguments, so
 * that the problem is rendered in the caller's language at the HTTP boundary.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final String detailKey;
    private final transient Object[] detailArgs;
    private final transient List<Violation> violations;
    private final transient Map<String, Object> extensions;

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

    public Map<String, Object> extensions() {
        return extensions;
    }
}
