package de.stadtlabore.inventory.dto;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import de.stadtlabore.inventory.Condition;
import de.stadtlabore.inventory.ItemStatus;
import de.stadtlabore.inventory.Sharing;

/** What lab staff send to add or update an item of one of their labs. */
public record ItemInput(
        @NotBlank @Size(max = 80) String lab,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10000) String description,
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 60) String category,
        @NotBlank @Size(max = 60) String inventoryNumber,
        @NotNull Condition condition,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> accessories,
        @Valid Money replacementValue,
        @Size(max = 10) List<@NotBlank @Pattern(regexp = "https://\\S{1,990}") String> photos,
        @NotNull Sharing sharing,
        @JsonProperty("public") @NotNull Boolean publiclyVisible,
        ItemStatus status,
        @NotNull @Valid LendingTerms lendingTerms) {
}
