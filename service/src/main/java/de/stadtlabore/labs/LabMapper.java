package de.stadtlabore.labs;

import de.stadtlabore.labs.dto.Accessibility;
import de.stadtlabore.labs.dto.Address;
import de.stadtlabore.labs.dto.Contact;
import de.stadtlabore.labs.dto.Coordinates;
import de.stadtlabore.labs.dto.LabView;
import de.stadtlabore.labs.dto.MunicipalityRef;
import de.stadtlabore.labs.dto.OpeningHoursDto;
import de.stadtlabore.labs.dto.OpeningInterval;
import de.stadtlabore.labs.dto.Weekday;

/** Entity → representation. Entities never leave the service layer in any other form. */
final class LabMapper {

    private LabMapper() {
    }

    static LabView view(Lab lab) {
        return new LabView(
                lab.id,
                lab.slug,
                lab.name,
                municipality(lab),
                lab.description,
                address(lab),
                new Coordinates(lab.latitude, lab.longitude),
                new OpeningHoursDto(lab.openingHours.stream()
                        .map(h -> new OpeningInterval(Weekday.of(h.weekday), h.opens, h.closes))
                        .toList(), lab.openingHoursNotes),
                new Contact(lab.email, lab.phone, lab.website),
                lab.topics,
                accessibility(lab),
                lab.createdAt,
                lab.updatedAt);
    }

    private static MunicipalityRef municipality(Lab lab) {
        return new MunicipalityRef(lab.municipality.slug, lab.municipality.name);
    }

    private static Address address(Lab lab) {
        return new Address(lab.street, lab.postalCode, lab.city);
    }

    private static Accessibility accessibility(Lab lab) {
        return new Accessibility(lab.stepFreeAccess, lab.hearingLoop, lab.accessibleToilet, lab.accessibilityNotes);
    }
}
