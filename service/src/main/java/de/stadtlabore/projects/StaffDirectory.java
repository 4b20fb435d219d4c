package de.stadtlabore.projects;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.stadtlabore.access.Caller;

/**
 * The staff of the member municipalities that the service has seen: every person who works on
 * projects is recorded (at most one write an hour each), so that tasks can be assigned to them.
 */
@ApplicationScoped
public class StaffDirectory {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void seen(Caller caller) {
        if (caller.method() != Caller.AuthMethod.OIDC || caller.municipalityId() == null) {
            return;
        }
        em.createNativeQuery("""
                insert into staff_member (id, issuer, subject, municipality_id, name, email, last_seen_at)
                values (:id, :issuer, :subject, :municipality, :name, cast(:email as varchar), now())
                on conflict (issuer, subject) do update
                  set name = excluded.name, email = excluded.email, municipality_id = excluded.municipality_id,
                      last_seen_at = now(), removed_at = null
                  where staff_member.last_seen_at < now() - interval '1 hour'
                     or staff_member.name is distinct from excluded.name
                     or staff_member.email is distinct from excluded.email
                     or staff_member.removed_at is not null
                """)
                .setParameter("id", UUID.randomUUID()).setParameter("issuer", caller.issuer())
                .setParameter("subject", caller.subject()).setParameter("municipality", caller.municipalityId())
                .setParameter("name", caller.displayName() == null ? caller.subject() : caller.displayName())
                .setParameter("email", caller.email())
                .executeUpdate();
    }

    /** Everyone of one municipality the service has seen and nobody removed, by name. */
    public List<StaffMember> present(UUID municipality) {
        return em.createQuery("select s from StaffMember s where s.municipalityId = :m and s.removedAt is null"
                + " order by s.name, s.id", StaffMember.class).setParameter("m", municipality).getResultList();
    }

    /** Locked until the transaction ends. */
    public StaffMember hold(UUID id) {
        return id == null ? null : em.find(StaffMember.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public StaffMember find(UUID id) {
        return id == null ? null : em.find(StaffMember.class, id);
    }

    /** The present staff (not removed) of some municipalities. */
    public List<StaffMember> ofMunicipalities(Collection<UUID> municipalities) {
        return em.createQuery("select s from StaffMember s where array_has(:m, s.municipalityId)"
                + " and s.removedAt is null order by s.name, s.id",
                StaffMember.class).setParameter("m", municipalities.toArray(UUID[]::new)).getResultList();
    }
}
