package de.stadtlabore.inventory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.persistence.NativeSql;
import de.stadtlabore.common.persistence.SqlFilter;
import de.stadtlabore.common.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReservationRepository implements PanacheRepositoryBase<Reservation, UUID> {

    private static final String WITH_ITEM = "select r from Reservation r join fetch r.item i join fetch i.lab l "
            + "join fetch l.municipality left join fetch r.borrowerLab bl left join fetch bl.municipality ";

    public Optional<Reservation> findWithItem(UUID id) {
        return find(WITH_ITEM + "where r.id = ?1", id).firstResultOptional();
    }

    /** The reservation, locked until the transaction ends, so that decisions on it are serialised. */
    public Optional<Reservation> hold(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).flatMap(r -> findWithItem(id));
    }

    /**
     * Blocking periods of an item that overlap [start, end), earliest first. First the ids, by the
     * exclusion constraint's index on (item, period): usually there are none, and nothing else is
     * read (comparing the ends instead read every reservation starting before the end, 5 ms with
     * a few thousand).
     */
    public List<Reservation> blockingOverlaps(UUID item, OffsetDateTime start, OffsetDateTime end) {
        List<UUID> ids = NativeSql.list(getEntityManager(), "select r.id from reservation r where r.item_id = :item and "
                + ReservationStatus.blocking("r") + " and tstzrange(r.starts_at, r.ends_at, '[)')"
                + " && tstzrange(cast(:start as timestamptz), cast(:end as timestamptz), '[)') order by r.starts_at, r.id",
                Map.of("item", item, "start", start, "end", end), row -> row.getObject(1, UUID.class));
        if (ids.isEmpty()) {
            return List.of();
        }
        return SqlFilter.inOrder(ids, find(WITH_ITEM + "where array_has(?1, r.id)", (Object) ids.toArray(UUID[]::new))
                .list(), r -> r.id);
    }

    /**
     * Loans and maintenance of the municipality's items or for its labs, newest first.
     *
     * @param municipality null for all (network administrators)
     * @param side         the borrower's or the owner's loans, or null for both
     */
    public Page<Reservation> forMunicipality(UUID municipality, Side side, ReservationStatus status, UUID item,
            PageRequest page) {
        String mine = side == Side.BORROWER ? "r.borrowerMunicipalityId = :m"
                : side == Side.OWNER ? "l.municipality.id = :m"
                        : "r.borrowerMunicipalityId = :m or l.municipality.id = :m";
        Where where = Where.of("1 = 1").and(mine, "m", municipality).and("r.status = :status", "status", status)
                .and("i.id = :item", "item", item);
        var count = getEntityManager().createQuery("select count(r) from Reservation r join r.item i join i.lab l" + where,
                Long.class);
        where.params().forEach(count::setParameter);
        List<Reservation> found = find(WITH_ITEM + where + " order by r.startsAt desc, r.id", where.params())
                .page(page.page() - 1, page.size()).list();
        return Page.of(found, page, count.getSingleResult());
    }

    /** Requests whose decision is overdue, claimed for the expiry job (see {@link #claim}). */
    public List<Reservation> claimUndecided(int limit) {
        return claim("status = :status and decision_due_at < now()", ReservationStatus.REQUESTED, limit);
    }

    /** Handed-over loans past their end that are not flagged yet, claimed for the overdue job. */
    public List<Reservation> claimOverdue(int limit) {
        return claim("status = :status and ends_at < now() and not overdue", ReservationStatus.HANDED_OVER, limit);
    }

    /**
     * Up to {@code limit} reservations for a job, locked until this transaction ends and skipped
     * by other replicas' runs in the meantime.
     */
    @SuppressWarnings("unchecked")
    private List<Reservation> claim(String condition, ReservationStatus status, int limit) {
        List<UUID> ids = getEntityManager().createNativeQuery("select id from reservation where " + condition
                + " order by id limit :limit for update skip locked", UUID.class)
                .setParameter("status", status.wireName()).setParameter("limit", limit).getResultList();
        return ids.isEmpty() ? List.of() : find(WITH_ITEM + "where array_has(?1, r.id)", (Object) ids.toArray(UUID[]::new)).list();
    }
}
