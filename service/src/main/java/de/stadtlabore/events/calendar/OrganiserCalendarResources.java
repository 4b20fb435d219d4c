package de.stadtlabore.events.calendar;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import de.stadtlabore.common.ratelimit.Allowance;

/**
 * Calendar feeds of a lab and of a municipality. Root resources of their own: JAX-RS picks the
 * root class by its path, and {@code /labs} and {@code /municipalities} belong to other features.
 */
public final class OrganiserCalendarResources {

    private OrganiserCalendarResources() {
    }

    @Path("/labs/{slug}/events.ics")
    public static class LabCalendar {

        @Inject
        CalendarService calendars;

        @GET
        @PermitAll
        @Allowance(Allowance.Kind.FEED)
        @Produces(CalendarResource.CALENDAR)
        public Response feed(@PathParam("slug") String slug, @QueryParam("token") String token) {
            return CalendarResource.ics(calendars.feed("Stadtlabore – " + slug, token, slug, null, null), slug);
        }
    }

    @Path("/municipalities/{slug}/events.ics")
    public static class MunicipalityCalendar {

        @Inject
        CalendarService calendars;

        @GET
        @PermitAll
        @Allowance(Allowance.Kind.FEED)
        @Produces(CalendarResource.CALENDAR)
        public Response feed(@PathParam("slug") String slug, @QueryParam("token") String token) {
            return CalendarResource.ics(calendars.feed("Stadtlabore – " + slug, token, null, slug, null), slug);
        }
    }
}
