package de.stadtlabore.inventory.dto;

import java.util.UUID;

/** Short references embedded in inventory representations. */
public final class Refs {

    private Refs() {
    }

    public record LabRef(String slug, String name, String municipality) {
    }

    public record ItemRef(UUID id, String name, String category, LabRef lab) {
    }
}
