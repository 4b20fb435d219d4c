package de.stadtlabore.purchases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<PurchaseProposal, UUID> {

    private static final String WITH_LAB = "select p from PurchaseProposal p join fetch p.lab l join fetch l.municipality ";

    /** A proposal with its lab and its pledges with their labs (two queries: pledges are a collection). */
    public Optional<PurchaseProposal> findWithDetails(UUID id) {
        Optional<PurchaseProposal> found = find(WITH_LAB + "where p.id = ?1", id).singleResultOptional();
        found.ifPresent(p -> withPledges(List.of(p)));
        return found;
    }

    /** The proposal, locked until the transaction ends, so that writes to it are serialised. */
    public Optional<PurchaseProposal> hold(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).flatMap(p -> findWithDetails(id));
    }

    public Page<PurchaseProposal> search(ProposalStatus status, String lab, String municipality, PageRequest page) {
        Where where = Where.of("1 = 1").and("p.status = :status", "status", status).and("l.slug = :lab", "lab", lab)
                .and("l.municipality.slug = :municipality", "municipality", municipality);
        long total = count("from PurchaseProposal p join p.lab l" + where, where.params());
        List<PurchaseProposal> found = find(WITH_LAB + where + " order by p.createdAt desc, p.id", where.params())
                .page(page.page() - 1, page.size()).list();
        withPledges(found);
        return Page.of(found, page, total);
    }

    private void withPledges(List<PurchaseProposal> proposals) {
        if (!proposals.isEmpty()) {
            find("select distinct p from PurchaseProposal p left join fetch p.pledges pl left join fetch pl.lab pll "
                    + "left join fetch pll.municipality where array_has(?1, p.id)",
                    (Object) proposals.stream().map(p -> p.id).toArray(UUID[]::new)).list();
        }
    }
}
