package de.stadtlabore.changes;

import java.util.Arrays;
import java.util.Optional;

import de.stadtlabore.access.Scope;

/**
 * The kinds of change integrators can follow, in the change feed and by webhook. Each belongs
 * to a capability, whose read scope an API key needs to see it (public changes aside).
 * Registrations are reported as counts only, never with personal data.
 */
public enum ChangeType {
    ITEM_CREATED("item.created", Scope.INVENTORY_READ),
    ITEM_CHANGED("item.changed", Scope.INVENTORY_READ),
    ITEM_RETIRED("item.retired", Scope.INVENTORY_READ),
    RESERVATION_REQUESTED("reservation.requested", Scope.INVENTORY_READ),
    RESERVATION_APPROVED("reservation.approved", Scope.INVENTORY_READ),
    RESERVATION_REJECTED("reservation.rejected", Scope.INVENTORY_READ),
    RESERVATION_HANDED_OVER("reservation.handed-over", Scope.INVENTORY_READ),
    RESERVATION_RETURNED("reservation.returned", Scope.INVENTORY_READ),
    RESERVATION_CANCELLED("reservation.cancelled", Scope.INVENTORY_READ),
    RESERVATION_EXPIRED("reservation.expired", Scope.INVENTORY_READ),
    RESERVATION_OVERDUE("reservation.overdue", Scope.INVENTORY_READ),
    MAINTENANCE_SCHEDULED("maintenance.scheduled", Scope.INVENTORY_READ),
    EVENT_PUBLISHED("event.published", Scope.EVENTS_READ),
    EVENT_CHANGED("event.changed", Scope.EVENTS_READ),
    EVENT_CANCELLED("event.cancelled", Scope.EVENTS_READ),
    OCCURRENCE_CHANGED("occurrence.changed", Scope.EVENTS_READ),
    OCCURRENCE_CANCELLED("occurrence.cancelled", Scope.EVENTS_READ),
    REGISTRATIONS_CHANGED("registrations.changed", Scope.EVENTS_READ),
    PROJECT_CREATED("project.created", Scope.PROJECTS_READ),
    PROJECT_CHANGED("project.changed", Scope.PROJECTS_READ),
    PROJECT_STATUS_CHANGED("project.status-changed", Scope.PROJECTS_READ),
    MILESTONE_CREATED("milestone.created", Scope.PROJECTS_READ),
    MILESTONE_CHANGED("milestone.changed", Scope.PROJECTS_READ),
    MILESTONE_DELETED("milestone.deleted", Scope.PROJECTS_READ),
    TASK_CREATED("task.created", Scope.PROJECTS_READ),
    TASK_CHANGED("task.changed", Scope.PROJECTS_READ),
    TASK_DELETED("task.deleted", Scope.PROJECTS_READ),
    PURCHASE_PROPOSED("purchase.proposed", Scope.PURCHASES_READ),
    PURCHASE_CHANGED("purchase.changed", Scope.PURCHASES_READ),
    PURCHASE_STATUS_CHANGED("purchase.status-changed", Scope.PURCHASES_READ),
    PURCHASE_PLEDGED("purchase.pledged", Scope.PURCHASES_READ);

    private final String wireName;
    private final Scope readScope;

    ChangeType(String wireName, Scope readScope) {
        this.wireName = wireName;
        this.readScope = readScope;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return wireName;
    }

    /** The scope an API key needs to see changes of this kind that are not public. */
    public Scope readScope() {
        return readScope;
    }

    /** The capability as stored with each change: {@code inventory}, {@code events}, … */
    String capability() {
        return readScope.toString().substring(0, readScope.toString().indexOf(':'));
    }

    public static Optional<ChangeType> parse(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
