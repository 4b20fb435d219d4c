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
                insert into staff_member (id, issuer, subject, municipality_id, name, last_seen_at)
                values (:id, :issuer, :subject, :municipality, :name, now())
                on conflict (issuer, subject) do update
                  set name = excluded.name, municipality_id = excluded.municipality_id, last_seen_at = now()
                  where staff_member.last_seen_at < now() - interval '1 hour' or staff_member.name <> excluded.name
                """)
                .setParameter("id", UUID.randomUUID()).setParameter("issuer", caller.issuer())
                .setParameter("subject", caller.subject()).setParameter("municipality", caller.municipalityId())
                .setParameter("name", caller.displayName() == null ? caller.subject() : caller.displayName())
                .executeUpdate();
    }

    public StaffMember find(UUID id) {
        return id == null ? null : em.find(StaffMember.class, id);
    }

    public List<StaffMember> ofMunicipalities(Collection<UUID> municipalities) {
        return em.createQuery("select s from StaffMember s where array_has(:m, s.municipalityId) order by s.name, s.id",
                StaffMember.class).setParameter("m", municipalities.toArray(UUID[]::new)).getResultList();
    }
}
