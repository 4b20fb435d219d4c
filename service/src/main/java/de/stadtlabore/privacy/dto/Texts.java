package de.stadtlabore.privacy.dto;

/** One text in German and English. */
public record Texts(String de, String en) {
}
