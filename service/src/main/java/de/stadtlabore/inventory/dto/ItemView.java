package de.stadtlabore.inventory.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import de.stadtlabore.inventory.Condition;
import de.stadtlabore.inventory.ItemStatus;
import de.stadtlabore.inventory.Sharing;
import de.stadtlabore.labs.dto.LabRef;

/** An item as the callers who may see it see it. */
public record ItemView(
        UUID id,
        LabRef lab,
        String name,
        String description,
        String category,
        String inventoryNumber,
        Condition condition,
        List<String> accessories,
        Money replacementValue,
        List<String> photos,
        Sharing sharing,
        @JsonProperty("public") boolean publiclyVisible,
        ItemStatus status,
        LendingTerms lendingTerms,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
