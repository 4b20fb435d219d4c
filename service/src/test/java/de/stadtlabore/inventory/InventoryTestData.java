package de.stadtlabore.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Removes what inventory tests created (inventory numbers starting with TEST-). */
@ApplicationScoped
public class InventoryTestData {

    @Inject
    ItemRepository items;

    @Inject
    ReservationRepository reservations;

    @Transactional
    public void clean() {
        reservations.delete("item.id in (select i.id from Item i where i.inventoryNumber like 'TEST-%')");
        items.delete("inventoryNumber like 'TEST-%'");
    }
}
