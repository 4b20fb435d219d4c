package de.stadtlabore.municipalities;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A member municipality as every caller sees it. */
public record MunicipalityView(UUID id, String slug, String name, String state, String website,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static MunicipalityView of(Municipality m) {
        return new MunicipalityView(m.id, m.slug, m.name, m.state, m.website, m.createdAt, m.updatedAt);
    }
}
