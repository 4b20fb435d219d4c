package de.stadtlabore.inventory.dto;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What lab staff send to add or update an item of one of their labs. */
public record ItemInput(
        @NotBlank @Size(max = 80) String lab,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10000) String description,
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 60) String category,
        @NotBlank @Size(max = 60) String inventoryNumber,
        @NotNull @Pattern(regexp = "new|good|fair|poor") String condition,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> accessories,
        @Valid Money replacementValue,
        @Size(max = 10) List<@NotBlank @Pattern(regexp = "https://\\S{1,990}") String> photos,
        @NotNull @Pattern(regexp = "lab|network") String sharing,
        @JsonProperty("public") @NotNull Boolean publiclyVisible,
        @Pattern(regexp = "available|maintenance|retired") String status,
        @NotNull @Valid LendingTerms lendingTerms) {
}
