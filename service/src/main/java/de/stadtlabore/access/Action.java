package de.stadtlabore.access;

import java.util.Set;

/**
 * Every protected operation and who may perform it on an object owned by a municipality. This
 * table is the authorization policy's data: a later capability adds its rows here.
 *
 * @param networkAdmin   whether a network administrator may (for any municipality)
 * @param municipalRoles roles that may, within their own municipality
 * @param keyScope       the scope an API key of the owning municipality needs; null: keys may not
 */
public enum Action {
    MUNICIPALITY_CREATE(true, Set.of(), null),
    MUNICIPALITY_UPDATE(true, Set.of(), null),
    IDENTITY_PROVIDERS_READ(true, Set.of(Caller.LAB_ADMIN), null),
    LAB_CREATE(true, Set.of(), null),
    LAB_UPDATE(true, Set.of(Caller.LAB_ADMIN), Scope.LABS_WRITE),
    LAB_MOVE_TO_OTHER_MUNICIPALITY(true, Set.of(), null),
    API_KEY_MANAGE(false, Set.of(Caller.LAB_ADMIN), null),
    AUDIT_READ(true, Set.of(Caller.LAB_ADMIN), Scope.AUDIT_READ),
    /** Create, update and retire items, plan maintenance — for the owning municipality. */
    ITEM_MANAGE(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.INVENTORY_WRITE),
    /** Request a loan for one of the caller's own labs. */
    LOAN_REQUEST(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.INVENTORY_WRITE),
    /** Approve, reject, hand over, take back or cancel loans of the owning municipality's items. */
    LOAN_DECIDE(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.INVENTORY_WRITE),
    /** Read loans of the caller's municipality, as borrower or owner. */
    LOAN_READ(true, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.INVENTORY_READ),
    /** Create and edit events of an organising lab; invite co-organisers; cancel or move occurrences. */
    EVENT_MANAGE(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.EVENTS_WRITE),
    /** Accept or decline an invitation to co-organise, for one of the municipality's labs. */
    EVENT_INVITATION_ANSWER(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.EVENTS_WRITE),
    /** Create and revoke private calendar feeds of network-internal events. */
    FEED_TOKEN_MANAGE(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), null),
    /** Propose a purchase for one of the municipality's labs, and move it through its lifecycle. */
    PURCHASE_PROPOSE(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.PURCHASES_WRITE),
    /** Express interest in, or pledge to, a proposal for one of the municipality's labs. */
    PURCHASE_PLEDGE(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.PURCHASES_WRITE),
    /** Create and edit a project of the lead lab's municipality, invite partners, change its status. */
    PROJECT_MANAGE(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.PROJECTS_WRITE),
    /** Work on milestones and tasks, for the lead lab's and accepted partners' municipalities. */
    PROJECT_WORK(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.PROJECTS_WRITE),
    /** Accept or decline an invitation to partner, for one of the municipality's labs. */
    PROJECT_INVITATION_ANSWER(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), Scope.PROJECTS_WRITE),
    /** Register, change and remove the municipality's webhook endpoints; read their delivery logs. */
    WEBHOOK_MANAGE(false, Set.of(Caller.LAB_ADMIN), Scope.WEBHOOKS_WRITE),
    /** Read the municipality's team directory (names and e-mail addresses of its people). */
    STAFF_DIRECTORY_READ(false, Set.of(Caller.LAB_STAFF, Caller.LAB_ADMIN), null),
    /** Remove a person who left from the municipality's team directory. */
    STAFF_REMOVE(false, Set.of(Caller.LAB_ADMIN), null),
    /**
     * Search, export and erase the registrations of the municipality's events by e-mail address,
     * and read the audit log of such accesses: its data protection officer only, never a key.
     */
    PRIVACY_OFFICE(false, Set.of(Caller.PRIVACY_OFFICER), null);

    private final boolean networkAdmin;
    private final Set<String> municipalRoles;
    private final Scope keyScope;

    Action(boolean networkAdmin, Set<String> municipalRoles, Scope keyScope) {
        this.networkAdmin = networkAdmin;
        this.municipalRoles = municipalRoles;
        this.keyScope = keyScope;
    }

    boolean networkAdmin() {
        return networkAdmin;
    }

    Set<String> municipalRoles() {
        return municipalRoles;
    }

    Scope keyScope() {
        return keyScope;
    }
}
