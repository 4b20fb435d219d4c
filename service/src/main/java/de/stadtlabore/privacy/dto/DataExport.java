package de.stadtlabore.privacy.dto;

import java.time.OffsetDateTime;
import java.util.List;

import de.stadtlabore.events.dto.ConsentText;
import de.stadtlabore.events.dto.RegistrationOfAddress;

/** Everything the network holds about one e-mail address, across all municipalities. */
public record DataExport(String email, OffsetDateTime exportedAt, List<RegistrationOfAddress> registrations,
        List<ConsentText> consentTexts) {
}
