package de.stadtlabore.inventory;

import java.net.URI;
import java.util.List;

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

import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.Messages;
import de.stadtlabore.inventory.dto.BusyPeriod;
import de.stadtlabore.inventory.dto.CategoryView;
import de.stadtlabore.inventory.dto.ItemInput;
import de.stadtlabore.inventory.dto.ItemView;
import de.stadtlabore.inventory.dto.MaintenanceInput;
import de.stadtlabore.inventory.dto.ReservationView;
import de.stadtlabore.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    @Inject
    ItemService items;

    @Inject
    LoanService loans;

    @GET
    @Path("equipment-categories")
    @PermitAll
    public List<CategoryView> categories(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return items.categories(Messages.negotiate(language).getLanguage().equals("en"));
    }

    /** Public items for everyone; network-shared ones for members; a municipality's own for it. */
    @GET
    @Path("items")
    @PermitAll
    public Page<ItemView> list(@QueryParam("lab") String lab, @QueryParam("municipality") String municipality,
            @QueryParam("category") String category, @QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return items.list(lab, municipality, category, q, status, PageRequest.parse(page, size));
    }

    @GET
    @Path("items/{id}")
    @PermitAll
    public ItemView get(@PathParam("id") String id) {
        return items.get(Params.uuid("id", id));
    }

    @POST
    @Idempotent
    @Path("items")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid ItemInput input) {
        ItemView item = items.create(input);
        return Response.created(URI.create("/items/" + item.id())).entity(item).build();
    }

    @PUT
    @Path("items/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ItemView update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ItemInput input) {
        return items.update(Params.uuid("id", id), ifMatch, input);
    }

    @GET
    @Path("items/{id}/schedule")
    @PermitAll
    public List<BusyPeriod> schedule(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return loans.schedule(Params.uuid("id", id), Params.instant("from", from), Params.instant("to", to));
    }

    @POST
    @Idempotent
    @Path("items/{id}/maintenance")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response maintenance(@PathParam("id") String id, @NotNull @Valid MaintenanceInput input) {
        ReservationView block = loans.maintenance(Params.uuid("id", id), input);
        return Response.created(URI.create("/reservations/" + block.id())).entity(block).build();
    }
}
