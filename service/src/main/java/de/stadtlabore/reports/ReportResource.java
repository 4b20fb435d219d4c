package de.stadtlabore.reports;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import de.stadtlabore.common.http.Csv;

/** The network's reports, as JSON or as CSV for a spreadsheet. */
@Path("/reports")
public class ReportResource {

    @Inject
    ReportService reports;

    @GET
    @Path("lending")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public ReportDtos.LendingReport lending(@QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.lending(from, to);
    }

    @GET
    @Path("lending")
    @Authenticated
    @Produces(Csv.MEDIA_TYPE)
    public Response lendingAsCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<List<?>> rows = reports.lending(from, to).rows().stream()
                .<List<?>>map(r -> List.of(r.month(), r.lender(), r.borrower(), r.loans(), r.loanDays())).toList();
        return csv(Csv.of(List.of("month", "lender", "borrower", "loans", "loanDays"), rows), "verleih.csv");
    }

    @GET
    @Path("events")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public ReportDtos.EventsReport events(@QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.events(from, to);
    }

    @GET
    @Path("events")
    @Authenticated
    @Produces(Csv.MEDIA_TYPE)
    public Response eventsAsCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<List<?>> rows = reports.events(from, to).rows().stream()
                .<List<?>>map(r -> List.of(r.month(), r.lab(), r.municipality(), r.occurrences(), r.registrations(),
                        r.seats())).toList();
        return csv(Csv.of(List.of("month", "lab", "municipality", "occurrences", "registrations", "seats"), rows),
                "veranstaltungen.csv");
    }

    private static Response csv(String body, String filename) {
        return Response.ok(body, Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
