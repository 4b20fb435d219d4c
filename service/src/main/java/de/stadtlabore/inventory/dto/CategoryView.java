package de.stadtlabore.inventory.dto;

/** An equipment category; {@code suggested} ones come with the service, others were named by labs. */
public record CategoryView(String slug, String name, boolean suggested) {
}
