package de.stadtlabore.inventory;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import de.stadtlabore.inventory.dto.AvailableItem;
import de.stadtlabore.inventory.dto.LoanRequest;
import de.stadtlabore.inventory.dto.Reason;
import de.stadtlabore.inventory.dto.ReservationView;
import de.stadtlabore.inventory.dto.ReturnReport;
import de.stadtlabore.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {

    @Inject
    LoanService loans;

    @Inject
    AvailabilityService availability;

    @GET
    @Path("availability")
    @Authenticated
    public Page<AvailableItem> availability(@QueryParam("category") String category, @QueryParam("q") String q,
            @QueryParam("start") String start, @QueryParam("end") String end, @QueryParam("nearLab") String nearLab,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return availability.find(category, q, start, end, nearLab, PageRequest.parse(page, size));
    }

    @GET
    @Path("reservations")
    @Authenticated
    public Page<ReservationView> list(@QueryParam("role") String role, @QueryParam("status") String status,
            @QueryParam("item") String item, @QueryParam("page") String page, @QueryParam("size") String size) {
        return loans.list(role, status, item, PageRequest.parse(page, size));
    }

    @POST
    @Idempotent
    @Path("reservations")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(@NotNull @Valid LoanRequest input) {
        ReservationView loan = loans.request(input);
        return Response.created(URI.create("/reservations/" + loan.id())).entity(loan).build();
    }

    @GET
    @Path("reservations/{id}")
    @Authenticated
    public ReservationView get(@PathParam("id") String id) {
        return loans.get(uuid(id));
    }

    @POST
    @Idempotent
    @Path("reservations/{id}/approve")
    @Authenticated
    public ReservationView approve(@PathParam("id") String id) {
        return loans.approve(uuid(id));
    }

    @POST
    @Idempotent
    @Path("reservations/{id}/reject")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ReservationView reject(@PathParam("id") String id, @Valid Reason reason) {
        return loans.reject(uuid(id), reason == null ? null : reason.reason());
    }

    @POST
    @Idempotent
    @Path("reservations/{id}/hand-over")
    @Authenticated
    public ReservationView handOver(@PathParam("id") String id) {
        return loans.handOver(uuid(id));
    }

    @POST
    @Idempotent
    @Path("reservations/{id}/return")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ReservationView returned(@PathParam("id") String id, @NotNull @Valid ReturnReport report) {
        return loans.returned(uuid(id), report);
    }

    @POST
    @Idempotent
    @Path("reservations/{id}/cancel")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ReservationView cancel(@PathParam("id") String id, @Valid Reason reason) {
        return loans.cancel(uuid(id), reason == null ? null : reason.reason());
    }

    private static UUID uuid(String id) {
        return Params.uuid("id", id);
    }
}
