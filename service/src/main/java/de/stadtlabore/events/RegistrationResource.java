package de.stadtlabore.events;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.stadtlabore.common.http.Csv;
import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.ratelimit.Allowance;
import de.stadtlabore.events.dto.CancelRequest;
import de.stadtlabore.events.dto.OrganiserCancellation;
import de.stadtlabore.events.dto.RegistrationInput;
import de.stadtlabore.events.dto.RegistrationView;
import de.stadtlabore.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

@Path("/")
public class RegistrationResource {

    @Inject
    RegistrationService registrations;

    @POST
    @Idempotent
    @Path("events/{id}/occurrences/{occurrence}/registrations")
    @PermitAll
    @Allowance(Allowance.Kind.REGISTRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("id") String id, @PathParam("occurrence") String occurrence,
            @NotNull @Valid RegistrationInput input) {
        RegistrationView created = registrations.register(Params.uuid("id", id), EventResource.localDateTime(occurrence),
                input);
        return Response.created(URI.create("/registrations/" + created.id())).entity(created).build();
    }

    @GET
    @Path("events/{id}/occurrences/{occurrence}/registrations")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Page<RegistrationView> list(@PathParam("id") String id, @PathParam("occurrence") String occurrence) {
        List<RegistrationView> all = listed(id, occurrence);
        return Page.of(all, new PageRequest(1, Math.max(1, all.size())), all.size());
    }

    @GET
    @Path("events/{id}/occurrences/{occurrence}/registrations")
    @Authenticated
    @Produces(Csv.MEDIA_TYPE)
    public Response listAsCsv(@PathParam("id") String id, @PathParam("occurrence") String occurrence) {
        return Response.ok(RegistrationCsv.of(listed(id, occurrence)), Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"anmeldungen.csv\"").build();
    }

    @GET
    @Path("registrations/{id}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public RegistrationView get(@PathParam("id") String id, @QueryParam("token") String token) {
        return registrations.get(Params.uuid("id", id), token);
    }

    @POST
    @Idempotent
    @Path("registrations/{id}/cancel")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RegistrationView cancel(@PathParam("id") String id, @NotNull @Valid CancelRequest request) {
        return registrations.cancel(Params.uuid("id", id), request.token());
    }

    @POST
    @Idempotent
    @Path("events/{id}/occurrences/{occurrence}/registrations/{registration}/cancel")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RegistrationView cancelByOrganiser(@PathParam("id") String id, @PathParam("occurrence") String occurrence,
            @PathParam("registration") String registration, @NotNull @Valid OrganiserCancellation request) {
        return registrations.cancelByOrganiser(Params.uuid("id", id), EventResource.localDateTime(occurrence),
                Params.uuid("registration", registration), request.spam());
    }

    private List<RegistrationView> listed(String id, String occurrence) {
        return registrations.list(Params.uuid("id", id), EventResource.localDateTime(occurrence));
    }
}
