package de.stadtlabore.common.http;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Adds an {@code ETag} to every successful JSON read (and to the answer of an update) and
 * answers {@code If-None-Match} with {@code 304 Not Modified}. The tag is the hash of the exact
 * bytes sent; the body is serialised once here and handed on as bytes. A body that comes as bytes
 * with its tag already (a kept calendar feed) is not hashed again.
 */
@Provider
public class ConditionalGetFilter implements ContainerResponseFilter {

    @Inject
    ObjectMapper objectMapper;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        boolean write = HttpMethod.PUT.equals(request.getMethod());
        if (!(read || write) || response.getStatus() != 200 || !response.hasEntity()
                || !(isJson(response.getMediaType()) || response.getEntity() instanceof String
                        || response.getEntity() instanceof byte[] && response.getHeaders().containsKey(HttpHeaders.ETAG))) {
            return;
        }
        Object entity = response.getEntity();
        byte[] body = entity instanceof byte[] bytes ? bytes
                : entity instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : objectMapper.writeValueAsBytes(entity);
        String given = entity instanceof byte[] ? response.getHeaderString(HttpHeaders.ETAG) : null;
        String etag = given != null ? given : ETags.of(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (write) {
            // The new state's tag, for the client's next If-Match.
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, personal(request) ? "private, no-cache" : "no-cache");
        response.getHeaders().add(HttpHeaders.VARY, "Accept");
        if (ETags.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return;
        }
        response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
    }

    /**
     * Whether the answer depends on who asks: credentials in a header, or a secret link
     * ({@code ?token=}, registrations and private feeds). Shared caches must not keep those.
     */
    private static boolean personal(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getHeaderString("X-API-Key") != null
                || request.getUriInfo().getQueryParameters().containsKey("token");
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }
}
