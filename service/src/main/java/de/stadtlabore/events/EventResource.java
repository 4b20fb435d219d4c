package de.stadtlabore.events;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

import de.stadtlabore.common.domain.Visibility;
import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.events.dto.EventInput;
import de.stadtlabore.events.dto.EventSeriesView;
import de.stadtlabore.events.dto.EventView;
import de.stadtlabore.events.dto.Invitation;
import de.stadtlabore.events.dto.InvitationAnswer;
import de.stadtlabore.events.dto.OccurrenceChange;
import de.stadtlabore.events.dto.OccurrenceView;
import de.stadtlabore.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    EventService events;

    @GET
    @Path("occurrences")
    @PermitAll
    public Page<OccurrenceView> occurrences(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("lab") String lab, @QueryParam("municipality") String municipality,
            @QueryParam("category") String category, @QueryParam("topic") String topic,
            @QueryParam("format") String format, @QueryParam("q") String q, @QueryParam("freeSeats") String freeSeats,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        OffsetDateTime start = Params.instant("from", from);
        OffsetDateTime end = Params.instant("to", to);
        return events.occurrences(start == null ? null : start.toInstant(), end == null ? null : end.toInstant(),
                new EventRepository.Filter(Params.blankToNull(lab), Params.blankToNull(municipality),
                        Params.blankToNull(category), Params.blankToNull(topic),
                        Params.oneOf("format", format, EventFormat.class), Params.blankToNull(q)),
                "true".equalsIgnoreCase(freeSeats), PageRequest.parse(page, size));
    }

    @GET
    @Path("events")
    @PermitAll
    public Page<EventSeriesView> list(@QueryParam("lab") String lab, @QueryParam("municipality") String municipality,
            @QueryParam("status") String status, @QueryParam("visibility") String visibility,
            @QueryParam("project") String project, @QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return events.series(new EventRepository.SeriesFilter(Params.blankToNull(lab), Params.blankToNull(municipality),
                Params.oneOf("status", status, EventStatus.class), Params.oneOf("visibility", visibility, Visibility.class),
                project == null || project.isBlank() ? null : Params.uuid("project", project), Params.blankToNull(q)),
                PageRequest.parse(page, size));
    }

    @GET
    @Path("events/{id}")
    @PermitAll
    public EventView get(@PathParam("id") String id) {
        return events.get(Params.uuid("id", id));
    }

    @POST
    @Idempotent
    @Path("events")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid EventInput input) {
        EventView event = events.create(input);
        return Response.created(URI.create("/events/" + event.id())).entity(event).build();
    }

    @PUT
    @Path("events/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public EventView update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EventInput input) {
        return events.update(Params.uuid("id", id), ifMatch, input);
    }

    @POST
    @Idempotent
    @Path("events/{id}/organisers")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public EventView invite(@PathParam("id") String id, @NotNull @Valid Invitation invitation) {
        return events.invite(Params.uuid("id", id), invitation.lab());
    }

    @PUT
    @Path("events/{id}/organisers/{lab}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public EventView answer(@PathParam("id") String id, @PathParam("lab") String lab,
            @NotNull @Valid InvitationAnswer answer) {
        return events.answer(Params.uuid("id", id), lab, answer.status());
    }

    @PUT
    @Path("events/{id}/occurrences/{occurrence}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public EventView changeOccurrence(@PathParam("id") String id, @PathParam("occurrence") String occurrence,
            @NotNull @Valid OccurrenceChange change) {
        return events.changeOccurrence(Params.uuid("id", id), localDateTime(occurrence), change);
    }

    static LocalDateTime localDateTime(String raw) {
        try {
            return LocalDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(List.of(new Violation("occurrence", "field.not-a-local-date-time")));
        }
    }

}
