package de.stadtlabore.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import de.stadtlabore.changes.Audience;
import de.stadtlabore.changes.ChangeService;
import de.stadtlabore.changes.ChangeType;

/**
 * What the inventory reports to the change feed and webhooks: items and reservations, each with
 * the reach its API reads have (public items to everyone, network-shared ones to the network,
 * a lab's own to its municipality; a loan to the owner's and the borrower's municipalities).
 */
@ApplicationScoped
class InventoryChanges {

    @Inject
    ChangeService changes;

    void item(ChangeType type, Item item) {
        Audience audience = item.publiclyVisible ? Audience.everyone()
                : item.isNetworkShared() ? Audience.network() : Audience.only(item.ownerMunicipalityId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", item.id);
        data.put("lab", item.lab.slug);
        data.put("municipality", item.lab.municipality.slug);
        data.put("name", item.name);
        data.put("category", item.category);
        data.put("status", item.status);
        changes.record(type, audience, data);
    }

    /** A reservation reached its current status (or, overdue, passed its end without return). */
    void reservation(Reservation r, boolean overdue) {
        ChangeType type = overdue ? ChangeType.RESERVATION_OVERDUE : switch (r.status) {
            case REQUESTED -> ChangeType.RESERVATION_REQUESTED;
            case APPROVED -> ChangeType.RESERVATION_APPROVED;
            case REJECTED -> ChangeType.RESERVATION_REJECTED;
            case EXPIRED -> ChangeType.RESERVATION_EXPIRED;
            case HANDED_OVER -> ChangeType.RESERVATION_HANDED_OVER;
            case RETURNED -> ChangeType.RESERVATION_RETURNED;
            case CANCELLED -> ChangeType.RESERVATION_CANCELLED;
            case SCHEDULED -> ChangeType.MAINTENANCE_SCHEDULED;
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", r.id);
        data.put("kind", r.kind);
        data.put("status", r.status);
        data.put("item", r.item.id);
        data.put("lab", r.item.lab.slug);
        data.put("borrowerLab", r.borrowerLab == null ? null : r.borrowerLab.slug);
        data.put("startsAt", r.startsAt);
        data.put("endsAt", r.endsAt);
        changes.record(type, Audience.only(r.ownerMunicipalityId(), r.borrowerMunicipalityId), data);
    }
}
