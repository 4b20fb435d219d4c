package de.stadtlabore.inventory;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReservationRepository implements PanacheRepositoryBase<Reservation, UUID> {

    /** Statuses that hold an item; the exclusion constraint covers exactly these. */
    public static final List<String> BLOCKING = List.of("requested", "approved", "handed-over", "scheduled");

    private static final String WITH_ITEM = "select r from Reservation r join fetch r.item i join fetch i.lab l "
            + "join fetch l.municipality left join fetch r.borrowerLab bl left join fetch bl.municipality ";

    public Optional<Reservation> findWithItem(UUID id) {
        return find(WITH_ITEM + "where r.id = ?1", id).firstResultOptional();
    }

    /** Blocking periods of an item that overlap [start, end), earliest first. */
    public List<Reservation> blockingOverlaps(UUID item, OffsetDateTime start, OffsetDateTime end) {
        return find(WITH_ITEM + "where i.id = ?1 and r.status in ?2 and r.startsAt < ?4 and r.endsAt > ?3 "
                + "order by r.startsAt", item, BLOCKING, start, end).list();
    }

    /**
     * Loans and maintenance of the municipality's items or for its labs, newest first.
     *
     * @param municipality null for all (network administrators)
     * @param role         {@code borrower}, {@code owner} or null for both
     */
    public Page<Reservation> forMunicipality(UUID municipality, String role, String status, UUID item,
            PageRequest page) {
        StringBuilder query = new StringBuilder(WITH_ITEM + "where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (municipality != null) {
            params.put("m", municipality);
            if ("borrower".equals(role)) {
                query.append(" and r.borrowerMunicipalityId = :m");
            } else if ("owner".equals(role)) {
                query.append(" and l.municipality.id = :m");
            } else {
                query.append(" and (r.borrowerMunicipalityId = :m or l.municipality.id = :m)");
            }
        }
        if (status != null) {
            query.append(" and r.status = :status");
            params.put("status", status);
        }
        if (item != null) {
            query.append(" and i.id = :item");
            params.put("item", item);
        }
        String countQuery = query.toString().replace(WITH_ITEM, "select count(r) from Reservation r join r.item i join i.lab l ");
        long total = countOf(countQuery, params);
        PanacheQuery<Reservation> found = find(query + " order by r.startsAt desc, r.id", params);
        return Page.of(found.page(page.page() - 1, page.size()).list(), page, total);
    }

    private long countOf(String query, Map<String, Object> params) {
        var count = getEntityManager().createQuery(query, Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }
}
