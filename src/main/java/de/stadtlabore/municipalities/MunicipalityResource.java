package de.stadtlabore.municipalities;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;

@Path("/municipalities")
@Produces(MediaType.APPLICATION_JSON)
public class MunicipalityResource {

    @Inject
    MunicipalityService service;

    @GET
    @PermitAll
    public Page<MunicipalityView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(PageRequest.parse(page, size)).map(MunicipalityView::of);
    }

    @GET
    @Path("{slug}")
    @PermitAll
    public MunicipalityView get(@PathParam("slug") String slug) {
        return MunicipalityView.of(service.get(slug));
    }
}
