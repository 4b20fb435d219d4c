package de.stadtlabore.inventory;

import de.stadtlabore.inventory.dto.AvailableItem;
import de.stadtlabore.inventory.dto.BusyPeriod;
import de.stadtlabore.inventory.dto.ItemView;
import de.stadtlabore.inventory.dto.LendingTerms;
import de.stadtlabore.inventory.dto.Money;
import de.stadtlabore.inventory.dto.Refs;
import de.stadtlabore.inventory.dto.ReservationView;
import de.stadtlabore.labs.dto.LabRef;

/** Entities → representations of the inventory. */
final class InventoryMapper {

    private InventoryMapper() {
    }

    static Refs.ItemRef item(Item item) {
        return new Refs.ItemRef(item.id, item.name, item.category, LabRef.of(item.lab));
    }

    static LendingTerms terms(Item item) {
        return new LendingTerms(item.maxLoanDays, item.minNoticeHours,
                item.deposit == null ? null : new Money(item.deposit, item.currency), item.briefingRequired,
                item.pickupNotes);
    }

    static ItemView view(Item item) {
        return new ItemView(item.id, LabRef.of(item.lab), item.name, item.description, item.category, item.inventoryNumber,
                item.condition, item.accessories,
                item.replacementValue == null ? null : new Money(item.replacementValue, item.currency), item.photos,
                item.sharing, item.publiclyVisible, item.status, terms(item), item.createdAt, item.updatedAt);
    }

    static AvailableItem available(ItemRepository.Free free) {
        Item item = free.item();
        return new AvailableItem(item(item), item.condition, terms(item), free.distanceKm());
    }

    static ReservationView view(Reservation r) {
        return new ReservationView(r.id, r.kind, item(r.item), r.startsAt, r.endsAt, r.status, r.overdue,
                LabRef.of(r.borrowerLab), r.requestedBy, r.purpose, r.decisionDueAt, r.decidedAt, r.decisionReason,
                r.handedOverAt, r.returnedAt, r.returnCondition, r.damageReport, r.cancelledAt, r.cancelReason,
                r.createdAt, r.updatedAt);
    }

    /** A busy period; borrower and purpose only for those who may know them. */
    static BusyPeriod busy(Reservation r, boolean withDetails) {
        return new BusyPeriod(withDetails ? r.id : null, r.kind, r.status, r.startsAt, r.endsAt,
                withDetails ? LabRef.of(r.borrowerLab) : null, withDetails ? r.purpose : null);
    }
}
