package de.stadtlabore.changes.webhooks;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import io.quarkus.security.Authenticated;

import de.stadtlabore.changes.webhooks.WebhookDtos.CreatedWebhook;
import de.stadtlabore.changes.webhooks.WebhookDtos.DeliveryView;
import de.stadtlabore.changes.webhooks.WebhookDtos.WebhookInput;
import de.stadtlabore.changes.webhooks.WebhookDtos.WebhookView;
import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.idempotency.Idempotent;

@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    WebhookService service;

    @POST
    @Idempotent
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid WebhookInput input) {
        CreatedWebhook created = service.create(input);
        return Response.created(URI.create("/webhooks/" + created.webhook().id())).entity(created).build();
    }

    @GET
    @Authenticated
    public Page<WebhookView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(PageRequest.parse(page, size));
    }

    @GET
    @Path("{id}")
    @Authenticated
    public WebhookView get(@PathParam("id") String id) {
        return service.get(Params.uuid("id", id));
    }

    @PUT
    @Path("{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookView update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid WebhookInput input) {
        return service.update(Params.uuid("id", id), ifMatch, input);
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    public void delete(@PathParam("id") String id) {
        service.delete(Params.uuid("id", id));
    }

    @GET
    @Path("{id}/deliveries")
    @Authenticated
    public Page<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.deliveries(Params.uuid("id", id), Params.blankToNull(status), PageRequest.parse(page, size));
    }

    @POST
    @Idempotent
    @Path("{id}/deliveries/{delivery}/redeliver")
    @Authenticated
    public Response redeliver(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        return Response.accepted(service.redeliver(Params.uuid("id", id), Params.uuid("delivery", delivery))).build();
    }
}
