package de.stadtlabore.common.problem;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds problem documents and responses in the caller's language. */
public final class Problems {

    private Problems() {
    }

    public static Problem problem(ProblemType type, Locale locale, String detail, String instance, String requestId,
            List<FieldError> errors) {
        return new Problem(type.uri().toString(), Messages.title(type, locale), type.status(), detail, instance,
                requestId, errors);
    }

    public static Problem fromException(ApiException e, Locale locale, String instance, String requestId) {
        List<FieldError> errors = e.violations().stream()
                .map(v -> new FieldError(v.field(), Messages.text(v.messageKey(), locale, v.args())))
                .toList();
        String detail = Messages.text(e.detailKey(), locale, e.detailArgs());
        return new Problem(e.type().uri().toString(), Messages.title(e.type(), locale), e.type().status(), detail,
                instance, requestId, errors, e.extensions());
    }

    public static Response response(Problem problem, Locale locale) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .entity(problem)
                .build();
    }
}
