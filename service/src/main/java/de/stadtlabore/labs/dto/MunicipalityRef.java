package de.stadtlabore.labs.dto;

/** The municipality a lab belongs to, as embedded in lab representations. */
public record MunicipalityRef(String slug, String name) {
}
