package de.stadtlabore.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an API key may do: read or write per capability. Later capabilities add theirs. */
public enum Scope {
    LABS_READ("labs:read"),
    LABS_WRITE("labs:write"),
    AUDIT_READ("audit:read"),
    INVENTORY_READ("inventory:read"),
    INVENTORY_WRITE("inventory:write"),
    EVENTS_READ("events:read"),
    EVENTS_WRITE("events:write"),
    PURCHASES_READ("purchases:read"),
    PURCHASES_WRITE("purchases:write"),
    PROJECTS_READ("projects:read"),
    PROJECTS_WRITE("projects:write"),
    WEBHOOKS_WRITE("webhooks:write");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value.toLowerCase(Locale.ROOT))).findFirst();
    }
}
