package de.stadtlabore.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one authorization policy of the service. Services ask it before every protected
 * operation; nobody else decides who may do what.
 */
@ApplicationScoped
public class AccessPolicy {

    /** Whether the caller may perform the action on something owned by {@code owner}. */
    public boolean allows(Caller caller, Action action, UUID owner) {
        return switch (caller.method()) {
            case ANONYMOUS -> false;
            case API_KEY -> action.keyScope() != null && hasScope(caller, action.keyScope()) && caller.actsFor(owner);
            case OIDC -> (action.networkAdmin() && caller.isNetworkAdmin())
                    || (caller.actsFor(owner) && caller.roles().stream().anyMatch(action.municipalRoles()::contains));
        };
    }

    /** A key's scopes; a write scope includes reading the same capability. */
    private static boolean hasScope(Caller caller, Scope scope) {
        return caller.scopes().contains(scope.toString())
                || (scope.toString().endsWith(":read")
                        && caller.scopes().contains(scope.toString().replace(":read", ":write")));
    }

    /** Like {@link #allows}, but refuses: 401 for anonymous callers, 403 otherwise. */
    public void require(Caller caller, Action action, UUID owner) {
        if (caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!allows(caller, action, owner)) {
            throw new ForbiddenException();
        }
    }

    /**
     * What of the shared inventory a caller may see: everything (network administrators), the
     * network-shared items of all labs (members: people of a member municipality, API keys with
     * inventory:read), their own municipality's items, and public items (everyone).
     */
    public record InventoryView(boolean everything, boolean member, UUID municipality) {

        public boolean canSee(boolean publiclyVisible, boolean networkShared, UUID owner) {
            return everything || publiclyVisible || (member && networkShared) || owner.equals(municipality);
        }
    }

    public InventoryView inventoryView(Caller caller) {
        boolean member = isNetworkMember(caller, Scope.INVENTORY_READ);
        UUID own = caller.method() == Caller.AuthMethod.API_KEY && !member ? null : caller.municipalityId();
        return new InventoryView(caller.isNetworkAdmin(), member, own);
    }

    /**
     * Whether the caller belongs to the network for a capability: people of a member
     * municipality and network administrators; API keys with the capability's read scope.
     */
    public boolean isNetworkMember(Caller caller, Scope readScope) {
        return switch (caller.method()) {
            case ANONYMOUS -> false;
            case OIDC -> caller.isNetworkAdmin() || caller.municipalityId() != null;
            case API_KEY -> hasScope(caller, readScope);
        };
    }

    /** Like {@link #isNetworkMember}, but refuses: 401 for anonymous callers, 403 otherwise. */
    public void requireNetworkMember(Caller caller, Scope readScope) {
        if (caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!isNetworkMember(caller, readScope)) {
            throw new ForbiddenException();
        }
    }

    /** Whether the caller acts for one of the municipalities (people or keys with the scope). */
    public boolean actsForAny(Caller caller, Action action, UUID... municipalities) {
        for (UUID municipality : municipalities) {
            if (municipality != null && allows(caller, action, municipality)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The municipality whose records of a kind the caller may list, or null for all of them
     * (network administrators). Refuses callers who may not list any.
     */
    public UUID listingScope(Caller caller, Action action) {
        if (action.networkAdmin() && caller.isNetworkAdmin()) {
            return null;
        }
        require(caller, action, caller.municipalityId());
        return caller.municipalityId();
    }

    /**
     * What of the change feed (and of webhooks) a caller may see: everything (network
     * administrators); public changes (everyone); the network's changes of each capability the
     * caller is a member for (as {@link #isNetworkMember}); and their own municipality's changes
     * of those capabilities. The same reach as the API's reads of the objects themselves.
     *
     * @param capabilities the read scopes the caller is a network member for
     */
    public record ChangeView(boolean everything, Set<Scope> capabilities, UUID municipality) {
    }

    public ChangeView changeView(Caller caller) {
        Set<Scope> member = EnumSet.noneOf(Scope.class);
        for (Scope scope : Scope.values()) {
            if (scope.toString().endsWith(":read") && isNetworkMember(caller, scope)) {
                member.add(scope);
            }
        }
        return new ChangeView(caller.isNetworkAdmin(), member, caller.isAnonymous() ? null : caller.municipalityId());
    }

    /** What a municipality's webhook endpoints receive: what its lab administrators may read. */
    public ChangeView changeViewOf(UUID municipality) {
        Set<Scope> member = EnumSet.noneOf(Scope.class);
        for (Scope scope : Scope.values()) {
            if (scope.toString().endsWith(":read")) {
                member.add(scope);
            }
        }
        return new ChangeView(false, member, municipality);
    }
}
