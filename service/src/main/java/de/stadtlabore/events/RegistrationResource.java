package de.stadtlabore.events;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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

import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.events.dto.CancelRequest;
import de.stadtlabore.events.dto.RegistrationInput;
import de.stadtlabore.events.dto.RegistrationView;
import io.quarkus.security.Authenticated;

@Path("/")
public class RegistrationResource {

    public static final String CSV = "text/csv";

    @Inject
    RegistrationService registrations;

    @POST
    @Path("events/{id}/occurrences/{occurrence}/registrations")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("id") String id, @PathParam("occurrence") String occurrence,
            @NotNull @Valid RegistrationInput input) {
        RegistrationService.Created created = registrations.register(Params.uuid("id", id),
                EventResource.localDateTime(occurrence), input);
        Registration r = created.registration();
        return Response.created(URI.create("/registrations/" + r.id))
                .entity(view(r, created.waitlistPosition(), true, created.token())).build();
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
    @Produces(CSV)
    public Response listAsCsv(@PathParam("id") String id, @PathParam("occurrence") String occurrence) {
        String csv = listed(id, occurrence).stream()
                .map(r -> String.join(",", r.id().toString(), r.status(), Integer.toString(r.seats()),
                        csvField(r.name()), csvField(r.email()), r.createdAt().toString()))
                .collect(Collectors.joining("\r\n", "id,status,seats,name,email,createdAt\r\n", "\r\n"));
        return Response.ok(csv, CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"anmeldungen.csv\"").build();
    }

    @GET
    @Path("registrations/{id}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public RegistrationView get(@PathParam("id") String id, @QueryParam("token") String token) {
        return view(registrations.get(Params.uuid("id", id), token), null, true, null);
    }

    @POST
    @Path("registrations/{id}/cancel")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RegistrationView cancel(@PathParam("id") String id, @NotNull @Valid CancelRequest request) {
        return view(registrations.cancel(Params.uuid("id", id), request.token()), null, true, null);
    }

    private List<RegistrationView> listed(String id, String occurrence) {
        return registrations.list(Params.uuid("id", id), EventResource.localDateTime(occurrence)).stream()
                .map(r -> view(r, null, true, null)).toList();
    }

    private static RegistrationView view(Registration r, Integer position, boolean personal, String token) {
        UUID event = r.event.id;
        return new RegistrationView(r.id, event, r.occurrence, r.status, r.seats, position,
                personal ? r.name : null, personal ? r.email : null, r.createdAt, r.cancelledAt, token);
    }

    /** RFC 4180 quoting; a leading formula character is defused for spreadsheet programs. */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
