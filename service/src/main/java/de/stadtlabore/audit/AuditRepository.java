package de.stadtlabore.audit;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    /** Removes name and e-mail address from up to {@code limit} entries older than {@code before}. */
    public int pseudonymise(OffsetDateTime before, OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery("""
                update audit_event set actor_name = null, actor_email = null, pseudonymised_at = :now
                where id in (select id from audit_event
                             where occurred_at < :before and (actor_name is not null or actor_email is not null)
                             limit :limit for update skip locked)
                """).setParameter("now", now).setParameter("before", before).setParameter("limit", limit)
                .executeUpdate();
    }

    /** Deletes up to {@code limit} entries older than {@code before}. */
    public int deleteOlderThan(OffsetDateTime before, int limit) {
        return getEntityManager().createNativeQuery("""
                delete from audit_event
                where id in (select id from audit_event where occurred_at < :before
                             limit :limit for update skip locked)
                """).setParameter("before", before).setParameter("limit", limit).executeUpdate();
    }

    /**
     * Newest first; {@code municipality} null means all municipalities. With an {@code actions}
     * prefix, only those actions ({@code only}) or all others.
     */
    public Page<AuditEvent> search(UUID municipality, String actions, boolean only, String targetType, String targetId,
            String actor, OffsetDateTime from, OffsetDateTime to, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (actions != null) {
            query.append(only ? " and action like :actions" : " and action not like :actions");
            params.put("actions", actions + "%");
        }
        if (municipality != null) {
            query.append(" and municipalityId = :municipality");
            params.put("municipality", municipality);
        }
        if (targetType != null) {
            query.append(" and targetType = :targetType");
            params.put("targetType", targetType);
        }
        if (targetId != null) {
            query.append(" and targetId = :targetId");
            params.put("targetId", targetId);
        }
        if (actor != null) {
            query.append(" and actorSubject = :actor");
            params.put("actor", actor);
        }
        if (from != null) {
            query.append(" and occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            query.append(" and occurredAt < :to");
            params.put("to", to);
        }
        query.append(" order by occurredAt desc, id desc");
        PanacheQuery<AuditEvent> found = find(query.toString(), params);
        return Page.of(found.page(page.page() - 1, page.size()).list(), page, found.count());
    }
}
