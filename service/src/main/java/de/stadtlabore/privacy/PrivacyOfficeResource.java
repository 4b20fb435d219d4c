package de.stadtlabore.privacy;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.stadtlabore.idempotency.Idempotent;
import de.stadtlabore.privacy.dto.AddressInput;
import de.stadtlabore.privacy.dto.ErasureResult;
import io.quarkus.security.Authenticated;

/** A municipality's data protection officer, for the registrations of its events. */
@Path("/municipalities/{slug}/privacy")
public class PrivacyOfficeResource {

    @Inject
    PrivacyService privacy;

    @POST
    @Idempotent
    @Path("exports")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("slug") String slug, @NotNull @Valid AddressInput input) {
        return Response.ok(privacy.exportForOffice(slug, input.email())).header("Cache-Control", "no-store").build();
    }

    @POST
    @Idempotent
    @Path("erasures")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ErasureResult erase(@PathParam("slug") String slug, @NotNull @Valid AddressInput input) {
        return privacy.eraseForOffice(slug, input.email());
    }
}
