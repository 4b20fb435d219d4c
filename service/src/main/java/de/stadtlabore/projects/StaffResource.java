package de.stadtlabore.projects;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import io.quarkus.security.Authenticated;

/** A municipality's team directory. */
@Path("/municipalities/{slug}/staff")
public class StaffResource {

    @Inject
    StaffService staff;

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Page<ProjectDtos.DirectoryEntry> directory(@PathParam("slug") String slug) {
        List<ProjectDtos.DirectoryEntry> all = staff.directory(slug);
        return Page.of(all, new PageRequest(1, Math.max(1, all.size())), all.size());
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    public Response remove(@PathParam("slug") String slug, @PathParam("id") String id) {
        staff.remove(slug, Params.uuid("id", id));
        return Response.noContent().build();
    }
}
