package de.stadtlabore.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtlabore.events.dto.ConsentText;

/**
 * The versions of the text a registrant consents to, in German and English. Every registration
 * keeps the version it accepted and when. The texts ship with the service
 * ({@code consent/registration.json}); a municipality network with its own wording points
 * {@code stadtlabore.registration.consent-texts} at a file of the same shape. A new version gets
 * a new number and a {@code validFrom}; old versions stay, so that what a registrant accepted can
 * always be shown.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // a broken file of one's own stops the start, not the first registration
public class ConsentTexts {

    private static final String BUILT_IN = "consent/registration.json";

    @Inject
    RegistrationConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private List<ConsentText> versions;

    record File(List<ConsentText> versions) {
    }

    @PostConstruct
    void load() {
        File file;
        try (InputStream in = open(config.consentTexts())) {
            file = json.readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The consent texts cannot be read", e);
        }
        versions = file.versions().stream().sorted(Comparator.comparing(ConsentText::validFrom)).toList();
        var seen = new HashSet<String>();
        for (ConsentText text : versions) {
            if (text.version() == null || text.version().isBlank() || text.version().length() > 20 || !seen.add(text.version())
                    || text.validFrom() == null || text.de() == null || text.de().isBlank() || text.en() == null
                    || text.en().isBlank()) {
                throw new IllegalStateException("Each consent text needs a unique version (at most 20 characters), "
                        + "validFrom, de and en; check version " + text.version());
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("There is no consent text");
        }
    }

    private static InputStream open(Optional<Path> file) throws IOException {
        if (file.isPresent()) {
            return Files.newInputStream(file.get());
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN);
        if (in == null) {
            throw new IOException(BUILT_IN + " missing");
        }
        return in;
    }

    /** The version registrants consent to now: the latest that is valid. */
    public ConsentText current() {
        Instant now = clock.instant();
        ConsentText current = versions.get(0);
        for (ConsentText text : versions) {
            if (!text.validFrom().isAfter(now)) {
                current = text;
            }
        }
        return current;
    }

    /** Every version, oldest first. */
    public List<ConsentText> all() {
        return versions;
    }
}
