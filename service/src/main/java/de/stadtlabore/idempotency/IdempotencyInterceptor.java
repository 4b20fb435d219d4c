package de.stadtlabore.idempotency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.vertx.ext.web.RoutingContext;

import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.common.http.RequestIds;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.Messages;
import de.stadtlabore.common.problem.Problems;

/**
 * The HTTP side of idempotent {@code POST}s: reads the {@code Idempotency-Key}, tells who asks
 * and what, and turns the operation's result into the response that is kept. Without the header
 * the operation runs as it would anyway. Runs before the operation's validation and transactions.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    /** Parameters that carry the request body, per operation: those without a JAX-RS annotation. */
    private static final Map<Method, int[]> BODY_PARAMETERS = new ConcurrentHashMap<>();

    @Inject
    RoutingContext routing;

    @Inject
    HttpHeaders headers;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    IdempotencyService idempotency;

    @Inject
    ObjectMapper json;

    /** Writes bodies with sorted names, so that the same content always has the same fingerprint. */
    private volatile ObjectMapper canonical;

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        String key = routing.request().getHeader(IdempotentRequest.HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        IdempotentRequest request = IdempotentRequest.of(key, scope(currentCaller.get()),
                routing.request().method().name(), routing.request().path(), routing.request().query(),
                canonicalBody(invocation));
        Method method = invocation.getMethod();
        return idempotency.perform(request, invocation::proceed, result -> answer(result, method), this::refusal);
    }

    /** Keys are the caller's own: an API key's, a person's (issuer and subject), or shared by anonymous callers. */
    static String scope(Caller caller) {
        return switch (caller.method()) {
            case API_KEY -> "api-key " + caller.apiKeyId();
            case OIDC -> "oidc " + caller.issuer() + " " + caller.subject();
            case ANONYMOUS -> "anonymous";
        };
    }

    private byte[] canonicalBody(InvocationContext invocation) throws IOException {
        int[] body = BODY_PARAMETERS.computeIfAbsent(invocation.getMethod(), IdempotencyInterceptor::bodyParameters);
        Object[] arguments = invocation.getParameters();
        List<Object> content = new ArrayList<>(body.length);
        for (int index : body) {
            content.add(arguments[index]);
        }
        return canonical().writeValueAsBytes(content);
    }

    private static int[] bodyParameters(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        List<Integer> body = new ArrayList<>();
        for (int i = 0; i < annotations.length; i++) {
            boolean bound = false;
            for (Annotation annotation : annotations[i]) {
                String name = annotation.annotationType().getPackageName();
                bound |= name.startsWith("jakarta.ws.rs") || name.startsWith("org.jboss.resteasy.reactive");
            }
            if (!bound) {
                body.add(i);
            }
        }
        return body.stream().mapToInt(Integer::intValue).toArray();
    }

    private ObjectMapper canonical() {
        ObjectMapper mapper = canonical;
        if (mapper == null) {
            mapper = json.copy().configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                    .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
            canonical = mapper;
        }
        return mapper;
    }

    /** The response a result becomes: a built {@code Response} as is, a view as 200 JSON, nothing as 204. */
    private StoredResponse answer(Object result, Method method) {
        if (result instanceof Response response) {
            return stored(response, produces(method));
        }
        if (result == null) {
            return new StoredResponse(Response.Status.NO_CONTENT.getStatusCode(), Map.of(), new byte[0]);
        }
        return new StoredResponse(Response.Status.OK.getStatusCode(),
                Map.of(HttpHeaders.CONTENT_TYPE, List.of(produces(method))), bytes(result));
    }

    /** The problem document a refusal becomes, as the exception mappers render it. */
    private StoredResponse refusal(ApiException e) {
        var locale = Messages.negotiate(headers);
        return stored(Problems.response(
                Problems.fromException(e, locale, routing.request().path(), RequestIds.of(routing)), locale), null);
    }

    /** A built response as kept: its status, its headers (with its content type) and its body as sent. */
    private StoredResponse stored(Response response, String defaultType) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        response.getStringHeaders().forEach((name, values) -> kept.put(name, List.copyOf(values)));
        MediaType type = response.getMediaType();
        kept.putIfAbsent(HttpHeaders.CONTENT_TYPE, List.of(type != null ? type.toString() : defaultType));
        return new StoredResponse(response.getStatus(), kept, bytes(response.getEntity()));
    }

    private byte[] bytes(Object entity) {
        if (entity == null) {
            return new byte[0];
        }
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String produces(Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = method.getDeclaringClass().getAnnotation(Produces.class);
        }
        return produces != null && produces.value().length > 0 ? produces.value()[0].split(",")[0].trim()
                : MediaType.APPLICATION_JSON;
    }
}
