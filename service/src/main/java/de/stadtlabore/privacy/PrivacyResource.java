package de.stadtlabore.privacy;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.ratelimit.Allowance;
import de.stadtlabore.idempotency.Idempotent;
import de.stadtlabore.privacy.dto.DataExport;
import de.stadtlabore.privacy.dto.ErasureResult;
import de.stadtlabore.privacy.dto.PrivacyLinkSecret;
import de.stadtlabore.privacy.dto.PrivacyNotice;
import de.stadtlabore.privacy.dto.PrivacyRequestInput;

/** Data protection for citizens: what is stored, and access to and erasure of one's own data. */
@Path("/privacy")
public class PrivacyResource {

    @Inject
    PrivacyService privacy;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public PrivacyNotice notice() {
        return privacy.notice();
    }

    @POST
    @Idempotent
    @Path("requests")
    @PermitAll
    @Allowance(Allowance.Kind.PRIVACY_REQUEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response request(@NotNull @Valid PrivacyRequestInput input) {
        return Response.accepted(privacy.request(input.email())).build();
    }

    @POST
    @Idempotent
    @Path("requests/{id}/export")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("id") String id, @NotNull @Valid PrivacyLinkSecret secret) {
        DataExport export = privacy.export(Params.uuid("id", id), secret.token());
        return Response.ok(export).header("Cache-Control", "no-store").build();
    }

    @POST
    @Idempotent
    @Path("requests/{id}/erasure")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ErasureResult erase(@PathParam("id") String id, @NotNull @Valid PrivacyLinkSecret secret) {
        return privacy.erase(Params.uuid("id", id), secret.token());
    }
}
