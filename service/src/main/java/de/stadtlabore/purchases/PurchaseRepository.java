package de.stadtlabore.purchases;

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
public class PurchaseRepository implements PanacheRepositoryBase<PurchaseProposal, UUID> {

    private static final String WITH_LAB = "select p from PurchaseProposal p join fetch p.lab l join fetch l.municipality ";

    /** An item the network owns in a category, with how often it was lent recently. */
    public record Owned(UUID item, String name, String lab, String labName, String municipality, long loans) {
    }

    public Optional<PurchaseProposal> findWithDetails(UUID id) {
        Optional<PurchaseProposal> found = find(WITH_LAB + "where p.id = ?1", id).firstResultOptional();
        found.ifPresent(p -> find("select distinct p from PurchaseProposal p left join fetch p.pledges pl "
                + "left join fetch pl.lab pll left join fetch pll.municipality where p.id = ?1", id).firstResult());
        return found;
    }

    public Page<PurchaseProposal> search(String status, String lab, String municipality, PageRequest page) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and p.status = :status");
            params.put("status", status);
        }
        if (lab != null) {
            where.append(" and l.slug = :lab");
            params.put("lab", lab);
        }
        if (municipality != null) {
            where.append(" and l.municipality.slug = :municipality");
            params.put("municipality", municipality);
        }
        PanacheQuery<PurchaseProposal> query = find(WITH_LAB + where + " order by p.createdAt desc, p.id", params);
        long total = count("from PurchaseProposal p join p.lab l " + where, params);
        List<PurchaseProposal> found = query.page(page.page() - 1, page.size()).list();
        if (!found.isEmpty()) {
            find("select distinct p from PurchaseProposal p left join fetch p.pledges pl left join fetch pl.lab pll "
                    + "left join fetch pll.municipality where p in ?1", found).list();
        }
        return Page.of(found, page, total);
    }

    /** Items of the category in service anywhere in the network, with loans since a point in time. */
    @SuppressWarnings("unchecked")
    public List<Owned> ownedInCategory(String category, OffsetDateTime since) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select i.id, i.name, l.slug, l.name as lab_name, m.slug as municipality,
                  (select count(*) from reservation r where r.item_id = i.id and r.kind = 'loan'
                     and r.status in ('approved', 'handed-over', 'returned') and r.starts_at >= :since) as loans
                from item i join lab l on l.id = i.lab_id join municipality m on m.id = l.municipality_id
                where i.category = :category and i.status <> 'retired'
                order by loans desc, i.name, i.id
                """).setParameter("category", category).setParameter("since", since).getResultList();
        return rows.stream().map(r -> new Owned((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).longValue())).toList();
    }
}
