package de.stadtlabore.municipalities;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.stadtlabore.access.IdentityProviderView;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

@Path("/municipalities")
@Produces(MediaType.APPLICATION_JSON)
public class MunicipalityResource {

    @Inject
    MunicipalityService service;

    @GET
    @PermitAll
    public Page<MunicipalityView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(PageRequest.parse(page, size));
    }

    @GET
    @Path("{slug}")
    @PermitAll
    public MunicipalityView get(@PathParam("slug") String slug) {
        return service.get(slug);
    }

    @POST
    @Idempotent
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid MunicipalityInput input) {
        MunicipalityView created = service.create(input);
        return Response.created(URI.create("/municipalities/" + created.slug())).entity(created).build();
    }

    @PUT
    @Path("{slug}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public MunicipalityView update(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MunicipalityInput input) {
        return service.update(slug, ifMatch, input);
    }

    @GET
    @Path("{slug}/identity-providers")
    @Authenticated
    public Page<IdentityProviderView> identityProviders(@PathParam("slug") String slug) {
        return service.identityProviders(slug);
    }
}
