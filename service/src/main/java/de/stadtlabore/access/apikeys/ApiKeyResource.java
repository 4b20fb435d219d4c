package de.stadtlabore.access.apikeys;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

@Path("/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    @Inject
    ApiKeyService service;

    @POST
    @Idempotent
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid ApiKeyInput input) {
        CreatedApiKey created = service.create(input);
        return Response.created(URI.create("/api-keys/" + created.key().id())).entity(created).build();
    }

    @GET
    @Authenticated
    public Page<ApiKeyView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(PageRequest.parse(page, size));
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    public ApiKeyView revoke(@PathParam("id") String id) {
        UUID key = Params.uuid("id", id);
        return service.revoke(key);
    }
}
