package de.stadtlabore.events;

import java.util.Arrays;
import java.util.List;

import de.stadtlabore.common.http.Csv;
import de.stadtlabore.events.dto.RegistrationView;

/** The registrations of an occurrence as a spreadsheet for its organisers. */
public final class RegistrationCsv {

    private static final List<String> HEADER = List.of("id", "status", "seats", "name", "email", "createdAt");

    private RegistrationCsv() {
    }

    public static String of(List<RegistrationView> registrations) {
        return Csv.of(HEADER, registrations.stream()
                .<List<?>>map(r -> Arrays.asList(r.id(), r.status().wireName(), r.seats(), r.name(), r.email(),
                        r.createdAt()))
                .toList());
    }
}
