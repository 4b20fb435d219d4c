package de.stadtlabore.access;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import de.stadtlabore.access.apikeys.ApiKeySecrets;
import de.stadtlabore.common.http.HttpLayerProblems;
import de.stadtlabore.common.problem.ProblemType;
import io.vertx.ext.web.Router;

/**
 * Credentials never travel in URLs, where proxies, logs and browser histories keep them. A
 * request that carries an API key or an access token in its query string is refused before
 * anything else happens, and the credential is not used.
 */
@Singleton
public class CredentialsInUrlGuard {

    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("api_key", "apikey", "api-key", "x-api-key",
            "access_token");

    @Inject
    HttpLayerProblems problems;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            if (ctx.request().query() != null && carriesCredentials(ctx.queryParams().entries())) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                problems.send(ctx, ProblemType.UNAUTHORIZED, "detail.credentials-in-url");
            } else {
                ctx.next();
            }
        });
    }

    private static boolean carriesCredentials(Iterable<Map.Entry<String, String>> parameters) {
        for (Map.Entry<String, String> parameter : parameters) {
            String value = parameter.getValue();
            if (CREDENTIAL_PARAMETERS.contains(parameter.getKey().toLowerCase(Locale.ROOT))
                    || (value != null && value.startsWith(ApiKeySecrets.MARKER))) {
                return true;
            }
        }
        return false;
    }
}
