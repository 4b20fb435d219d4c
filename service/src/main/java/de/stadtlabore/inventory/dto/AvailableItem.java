package de.stadtlabore.inventory.dto;

import de.stadtlabore.inventory.Condition;

/** An item free for the whole requested period, with its distance from the caller's lab. */
public record AvailableItem(Refs.ItemRef item, Condition condition, LendingTerms lendingTerms, Double distanceKm) {
}
