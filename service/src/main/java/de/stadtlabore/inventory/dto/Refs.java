package de.stadtlabore.inventory.dto;

import java.util.UUID;

import de.stadtlabore.labs.dto.LabRef;

/** Short references embedded in inventory representations. */
public final class Refs {

    private Refs() {
    }

    public record ItemRef(UUID id, String name, String category, LabRef lab) {
    }
}
