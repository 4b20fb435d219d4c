package de.stadtlabore.events.calendar;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import de.stadtlabore.common.ratelimit.Allowance;
import de.stadtlabore.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

@Path("/")
public class CalendarResource {

    public static final String CALENDAR = "text/calendar";

    @Inject
    CalendarService calendars;

    @GET
    @Path("events.ics")
    @PermitAll
    @Allowance(Allowance.Kind.FEED)
    @Produces(CALENDAR)
    public Response network(@QueryParam("token") String token) {
        return ics(calendars.feed("Stadtlabore", token, null, null, null), "stadtlabore");
    }

    @GET
    @Path("events/{id}.ics")
    @PermitAll
    @Allowance(Allowance.Kind.FEED)
    @Produces(CALENDAR)
    public Response event(@PathParam("id") String id, @QueryParam("token") String token) {
        return ics(calendars.feed("Stadtlabore", token, null, null, Params.uuid("id", id)), "veranstaltung");
    }

    @POST
    @Idempotent
    @Path("feed-tokens")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid FeedTokenInput input) {
        FeedTokenView created = calendars.create(input);
        return Response.created(URI.create("/feed-tokens/" + created.id())).entity(created).build();
    }

    @GET
    @Path("feed-tokens")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Page<FeedTokenView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return calendars.list(PageRequest.parse(page, size));
    }

    @DELETE
    @Path("feed-tokens/{id}")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public FeedTokenView revoke(@PathParam("id") String id) {
        return calendars.revoke(Params.uuid("id", id));
    }

    /** The calendar as a file named after what it shows; only slug characters reach the header. */
    static Response ics(FeedCache.Feed feed, String file) {
        return Response.ok(feed.body(), CALENDAR + ";charset=UTF-8")
                .header(HttpHeaders.ETAG, feed.etag())
                .header("Content-Disposition", "inline; filename=\"" + file.replaceAll("[^a-z0-9-]", "") + ".ics\"")
                .build();
    }
}
