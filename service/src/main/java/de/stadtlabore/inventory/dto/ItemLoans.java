package de.stadtlabore.inventory.dto;

/** An item with how often it was lent within a period. */
public record ItemLoans(Refs.ItemRef item, long loans) {
}
