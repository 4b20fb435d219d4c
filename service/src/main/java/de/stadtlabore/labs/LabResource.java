package de.stadtlabore.labs;

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

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.labs.dto.LabFeatureCollection;
import de.stadtlabore.labs.dto.LabInput;
import de.stadtlabore.labs.dto.LabView;
import de.stadtlabore.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

@Path("/labs")
public class LabResource {

    public static final String GEO_JSON = "application/geo+json";

    @Inject
    LabService service;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Page<LabView> list(@QueryParam("municipality") String municipality, @QueryParam("topic") String topic,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(municipality, topic, q, PageRequest.parse(page, size));
    }

    @GET
    @PermitAll
    @Produces(GEO_JSON)
    public LabFeatureCollection listAsGeoJson(@QueryParam("municipality") String municipality,
            @QueryParam("topic") String topic, @QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return LabFeatureCollection.of(service.list(municipality, topic, q, PageRequest.parse(page, size)));
    }

    @GET
    @Path("{slug}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public LabView get(@PathParam("slug") String slug) {
        return service.get(slug);
    }

    @POST
    @Idempotent
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid LabInput input) {
        LabView lab = service.create(input);
        return Response.created(URI.create("/labs/" + lab.slug())).entity(lab).build();
    }

    @PUT
    @Path("{slug}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public LabView update(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid LabInput input) {
        return service.update(slug, ifMatch, input);
    }
}
