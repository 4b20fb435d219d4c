package de.stadtlabore.labs.dto;

import de.stadtlabore.labs.Lab;

/** A lab as other representations refer to it: slug, name and its municipality's slug. */
public record LabRef(String slug, String name, String municipality) {

    /** The reference of a lab whose municipality is loaded; null for no lab. */
    public static LabRef of(Lab lab) {
        return lab == null ? null : new LabRef(lab.slug, lab.name, lab.municipality.slug);
    }
}
