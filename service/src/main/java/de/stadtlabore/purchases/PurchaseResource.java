package de.stadtlabore.purchases;

import java.net.URI;
import java.util.UUID;

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

import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

@Path("/purchases")
@Produces(MediaType.APPLICATION_JSON)
public class PurchaseResource {

    @Inject
    PurchaseService purchases;

    @GET
    @Authenticated
    public Page<PurchaseDtos.ProposalView> list(@QueryParam("status") String status, @QueryParam("lab") String lab,
            @QueryParam("municipality") String municipality, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return purchases.list(status, lab, municipality, PageRequest.parse(page, size));
    }

    @POST
    @Idempotent
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(@NotNull @Valid PurchaseDtos.ProposalInput input) {
        PurchaseDtos.ProposalView p = purchases.propose(input);
        return Response.created(URI.create("/purchases/" + p.id())).entity(p).build();
    }

    @GET
    @Path("{id}")
    @Authenticated
    public PurchaseDtos.ProposalView get(@PathParam("id") String id) {
        return purchases.get(uuid(id));
    }

    @PUT
    @Path("{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public PurchaseDtos.ProposalView update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PurchaseDtos.ProposalInput input) {
        return purchases.update(uuid(id), ifMatch, input);
    }

    @POST
    @Idempotent
    @Path("{id}/pledges")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public PurchaseDtos.ProposalView pledge(@PathParam("id") String id, @NotNull @Valid PurchaseDtos.PledgeInput input) {
        return purchases.pledge(uuid(id), input);
    }

    @POST
    @Idempotent
    @Path("{id}/status")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public PurchaseDtos.ProposalView transition(@PathParam("id") String id,
            @NotNull @Valid PurchaseDtos.Transition transition) {
        return purchases.transition(uuid(id), transition.status());
    }

    private static UUID uuid(String id) {
        return Params.uuid("id", id);
    }
}
