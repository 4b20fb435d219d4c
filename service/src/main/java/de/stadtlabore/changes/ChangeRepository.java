package de.stadtlabore.changes;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.common.persistence.NativeSql;
import de.stadtlabore.common.persistence.AdvisoryLocks;

/** The outbox of changes (table {@code change_event}): written with each change, read in position order. */
@ApplicationScoped
class ChangeRepository {

    /** A change as stored; {@code data} is its JSON. */
    record Stored(UUID id, long position, String type, OffsetDateTime occurredAt, String data) {
    }

    @Inject
    EntityManager em;

    void insert(UUID id, ChangeType type, Audience audience, OffsetDateTime occurredAt, String data) {
        em.createNativeQuery("""
                insert into change_event (id, type, capability, occurred_at, reach, municipalities, data)
                values (:id, :type, :capability, :at, :reach, cast(:municipalities as uuid[]), cast(:data as jsonb))""")
                .setParameter("id", id).setParameter("type", type.wireName()).setParameter("capability", type.capability())
                .setParameter("at", occurredAt).setParameter("reach", reach(audience.reach()))
                .setParameter("municipalities", "{" + audience.municipalities().stream().map(UUID::toString)
                        .collect(Collectors.joining(",")) + "}")
                .setParameter("data", data).executeUpdate();
    }

    /**
     * Gives positions to the changes committed by now, in the order they were recorded; false if
     * another replica is doing it at this moment. Positions only grow: a change that commits
     * later gets a higher one than any a reader has seen.
     */
    boolean sequence() {
        boolean mine = AdvisoryLocks.tryLock(em, "changes:sequencer");
        if (mine) {
            em.createNativeQuery("""
                    with pending as (
                        select id, row_number() over (order by seq) as n from change_event where position is null
                    ), given as (
                        update change_sequence set last_position = last_position + (select count(*) from pending)
                        where id = 1 and exists (select 1 from pending)
                        returning last_position - (select count(*) from pending) as p
                    )
                    update change_event c set position = given.p + pending.n from pending, given where c.id = pending.id""")
                    .executeUpdate();
        }
        return mine;
    }

    /**
     * Deletes the changes that occurred before {@code before} up to the highest position among
     * them, with their finished deliveries; changes still waiting for a delivery stay. Returns
     * how many went; one replica at a time.
     */
    int prune(OffsetDateTime before) {
        if (!AdvisoryLocks.tryLock(em, "changes:pruner")) {
            return 0;
        }
        Number through = (Number) em.createNativeQuery(
                "select coalesce(max(position), 0) from change_event where position is not null and occurred_at < :before")
                .setParameter("before", before).getSingleResult();
        long last = through.longValue();
        if (last == 0) {
            return 0;
        }
        em.createNativeQuery("""
                delete from webhook_delivery d using change_event c
                where c.id = d.change_id and c.position <= :last and c.occurred_at < :before and d.status <> 'pending'""")
                .setParameter("last", last).setParameter("before", before).executeUpdate();
        int pruned = em.createNativeQuery("""
                delete from change_event c where c.position <= :last and c.occurred_at < :before
                  and not exists (select 1 from webhook_delivery d where d.change_id = c.id)""")
                .setParameter("last", last).setParameter("before", before).executeUpdate();
        em.createNativeQuery("update change_retention set pruned_through = greatest(pruned_through, :last) where id = 1")
                .setParameter("last", last).executeUpdate();
        return pruned;
    }

    /** Up to which position changes may have been pruned. */
    long prunedThrough() {
        return ((Number) em.createNativeQuery("select pruned_through from change_retention where id = 1")
                .getSingleResult()).longValue();
    }

    /** The changes after {@code after} that the view may see, of the given types (all if empty). */
    List<Stored> after(long after, List<String> types, AccessPolicy.ChangeView view, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("after", after);
        params.put("limit", limit);
        params.put("municipality", view.municipality());
        String typeFilter = "";
        if (!types.isEmpty()) {
            params.put("types", types);
            typeFilter = " and type in (:types)";
        }
        return NativeSql.list(em, "select id, position, type, occurred_at, data::text from change_event"
                + " where position > :after" + typeFilter + " and "
                + ChangeVisibility.sql(view, "change_event", "cast(:municipality as uuid)")
                + " order by position limit :limit", params,
                row -> new Stored(row.getObject(1, UUID.class), row.getLong(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class), row.getString(5)));
    }

    private static String reach(Audience.Reach reach) {
        return reach.name().toLowerCase(java.util.Locale.ROOT);
    }
}
