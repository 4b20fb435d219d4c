package de.stadtlabore.inventory.dto;

/** An item free for the whole requested period, with its distance from the caller's lab. */
public record AvailableItem(Refs.ItemRef item, String condition, LendingTerms lendingTerms, Double distanceKm) {
}
