package de.stadtlabore.inventory.dto;

import java.math.BigDecimal;
import java.util.UUID;

import de.stadtlabore.labs.Lab;

/** One unit of a received purchase, to become a network-shared item of the lab that gets it. */
public record PurchasedItem(UUID purchase, Lab lab, String inventoryNumber, String name, String description,
        String category, BigDecimal value, String currency) {
}
