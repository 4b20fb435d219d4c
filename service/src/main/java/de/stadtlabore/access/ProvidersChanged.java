package de.stadtlabore.access;

/** Fired when identity-provider settings change; the directory reloads once the change commits. */
public record ProvidersChanged() {
}
